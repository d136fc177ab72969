package io.mutune.jobs.ml;

import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.Budget;
import io.mutune.hpo.tuner.Tuner;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.Map;

/** Builds the hpo tuner a {@link MuTuneValidator} runs: hpo's searcher, and hpo's ASHA scheduler when asked. */
final class TunerFactory {
    /** One "resource" for algorithms without early stopping: every trial is one full fit. */
    static final long SINGLE_FIT = 1;

    private TunerFactory() { }

    static Tuner create(String algorithm, SearchSpace space, int numTrials, long seed, String mode,
                        long minResource, long maxResource, double eta) {
        boolean multiFidelity = algorithm.equals("asha");
        TunerSettings s = new TunerSettings(seed, numTrials, multiFidelity ? maxResource : SINGLE_FIT, "mlt", mode);
        return io.mutune.hpo.TunerFactory.create(algorithm, space, s, multiFidelity ? minResource : SINGLE_FIT,
                (int) Math.round(eta), Budget.UNLIMITED, Map.of());
    }
}
