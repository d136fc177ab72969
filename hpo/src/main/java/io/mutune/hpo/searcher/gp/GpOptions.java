package io.mutune.hpo.searcher.gp;

import io.mutune.hpo.searcher.Options;
import java.util.Map;

/**
 * Settings of the GP-BO searcher.
 *
 * @param startupTrials   Sobol points before the GP is used
 * @param maxTrainingSize the GP fits at most this many observations (the best half of them plus a
 *                        seeded sample of the rest), which keeps a suggestion under a second at
 *                        hundreds of observations
 * @param restarts        random restarts of the marginal-likelihood fit, besides the default start
 * @param fitIterations   gradient steps per restart
 * @param rawCandidates   random points scored before the local search
 * @param localStarts     best raw points the local search starts from
 * @param localSteps      steps of each local search
 */
public record GpOptions(int startupTrials, int maxTrainingSize, int restarts, int fitIterations,
                        int rawCandidates, int localStarts, int localSteps) {

    public GpOptions {
        if (startupTrials < 2 || maxTrainingSize < 4 || restarts < 0 || fitIterations < 1
                || rawCandidates < 1 || localStarts < 1 || localSteps < 0) {
            throw new IllegalArgumentException("bad GP options: " + startupTrials + ", " + maxTrainingSize + ", " + restarts + ", "
                    + fitIterations + ", " + rawCandidates + ", " + localStarts + ", " + localSteps);
        }
    }

    /** Defaults that depend on the dimension: more startup points for more parameters. */
    public static GpOptions defaults(int dimension) {
        return new GpOptions(Math.max(5, Math.min(10, 2 * dimension)), 128, 1, 30, 1024, 5, 60);
    }

    /** Reads {@code n_startup, max_training, restarts, fit_iterations, candidates, local_starts, local_steps}. */
    public static GpOptions from(Map<String, Object> o, int dimension) {
        GpOptions d = defaults(dimension);
        return new GpOptions(
                Options.intOf(o, "n_startup", d.startupTrials),
                Options.intOf(o, "max_training", d.maxTrainingSize),
                Options.intOf(o, "restarts", d.restarts),
                Options.intOf(o, "fit_iterations", d.fitIterations),
                Options.intOf(o, "candidates", d.rawCandidates),
                Options.intOf(o, "local_starts", d.localStarts),
                Options.intOf(o, "local_steps", d.localSteps));
    }
}
