package io.mutune.hpo.tuner;

import io.mutune.hpo.space.Configuration;

/**
 * A result as a searcher sees it.
 *
 * @param trialId   the trial
 * @param number    its number
 * @param config    the configuration measured
 * @param resource  the resource level measured at
 * @param score     the value to minimise (the metric, negated in "max" mode); a diverged result
 *                  gets the worst finite score seen, NaN only when no finite score exists yet
 * @param diverged  whether the trial reported NaN or Inf (any of its runs, at the maximum resource)
 * @param runs      how many seed replicates the score is the mean of (1 for a single run); a
 *                  model's noise on this observation is the single-run noise divided by it
 */
public record Observation(String trialId, int number, Configuration config, long resource, double score, boolean diverged,
                          int runs) {

    public Observation {
        if (runs < 1) {
            throw new IllegalArgumentException("observation of " + trialId + " is the mean of " + runs + " runs; expected >= 1");
        }
    }

    /** One run. */
    public Observation(String trialId, int number, Configuration config, long resource, double score, boolean diverged) {
        this(trialId, number, config, resource, score, diverged, 1);
    }
}
