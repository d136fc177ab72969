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
 * @param diverged  whether the trial reported NaN or Inf
 */
public record Observation(String trialId, int number, Configuration config, long resource, double score, boolean diverged) {
}
