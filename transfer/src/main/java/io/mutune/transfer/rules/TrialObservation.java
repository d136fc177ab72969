package io.mutune.transfer.rules;

import io.mutune.hpo.space.Configuration;
import java.util.Map;
import java.util.Objects;

/**
 * One finished trial as the rule fit sees it.
 *
 * @param trialId  the trial's id in the journal
 * @param scale    the scale point it ran at, e.g. {@code width -> 256.0}
 * @param config   its hyperparameters
 * @param resource the resource it reached (steps, tokens...); a diverged trial reports where it stopped
 * @param metric   the metric to minimise at {@code resource}; NaN or infinite means diverged
 * @param diverged true when the runner reported divergence
 */
public record TrialObservation(String trialId, Map<String, Double> scale, Configuration config,
                               long resource, double metric, boolean diverged) {

    public TrialObservation {
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(config, "config of trial " + trialId);
        if (scale == null || scale.isEmpty()) {
            throw new IllegalArgumentException("trial " + trialId + " has no scale point: " + scale);
        }
        scale.forEach((axis, v) -> {
            if (v == null || !(v > 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("trial " + trialId + " has scale axis '" + axis
                        + "' = " + v + "; scale values must be finite and > 0 (they are fitted in log space)");
            }
        });
        scale = Map.copyOf(scale);
        if (resource < 0) {
            throw new IllegalArgumentException("trial " + trialId + " has resource " + resource + " < 0");
        }
    }

    /** True when the trial diverged: flagged by the runner, or a NaN/infinite metric. */
    public boolean isDiverged() {
        return diverged || !Double.isFinite(metric);
    }
}
