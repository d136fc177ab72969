package io.mutune.jobs.sweep;

import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

/**
 * Per-trial seeds derived from the spec's seed and the trial id alone, so a trial re-run after a
 * lost executor or a resumed driver trains exactly as it would have.
 */
final class TrialSeeds {
    private TrialSeeds() { }

    /**
     * The seed of one run of a trial: the trial's own for replicate 0, and for replicate k the seed
     * of the run id {@code trialId-rK}, so every replicate (and every confirmation seed) is fresh.
     */
    static long forRun(long specSeed, String trialId, int replicate) {
        return forTrial(specSeed, runId(trialId, replicate));
    }

    /** {@code trialId} for replicate 0, {@code trialId-rK} for replicate k: names its seed and checkpoints. */
    static String runId(String trialId, int replicate) {
        return replicate == 0 ? trialId : trialId + "-r" + replicate;
    }

    static long forTrial(long specSeed, String trialId) {
        long h = 1125899906842597L;
        for (byte b : trialId.getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        return new SplittableRandom(specSeed ^ h).nextLong();
    }
}
