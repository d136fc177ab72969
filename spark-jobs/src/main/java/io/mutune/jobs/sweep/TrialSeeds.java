package io.mutune.jobs.sweep;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Per-trial seeds derived from the spec's seed and the trial id alone, so a trial re-run after a
 * lost executor or a resumed driver trains exactly as it would have.
 */
final class TrialSeeds {
    private TrialSeeds() { }

    static long forTrial(long specSeed, String trialId) {
        long h = 1125899906842597L;
        for (byte b : trialId.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return new SplittableRandom(specSeed ^ h).nextLong();
    }
}
