package io.mutune.jobs.ml;

import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.Searchers;
import io.mutune.hpo.tuner.Tuner;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.Map;

/** Builds the hpo tuner a {@link MuTuneValidator} runs: a searcher, and ASHA's scheduler when asked. */
final class TunerFactory {
    /** One "resource" for algorithms without early stopping: every trial is one full fit. */
    static final long SINGLE_FIT = 1;

    private TunerFactory() { }

    static Tuner create(String algorithm, SearchSpace space, int numTrials, long seed, String mode,
                        long minResource, long maxResource, double eta) {
        if (algorithm.equals("asha")) {
            // ASHA chooses which trials go on; new trials still come from random search, as in the paper.
            TunerSettings s = new TunerSettings(seed, numTrials, maxResource, "mlt", mode);
            return Tuner.create(space, Searchers.byName("random", space, Map.of()), new AshaScheduler(minResource, eta), s);
        }
        TunerSettings s = new TunerSettings(seed, numTrials, SINGLE_FIT, "mlt", mode);
        return Tuner.create(space, Searchers.byName(algorithm, space, Map.of()), s);
    }
}
