package io.mutune.hpo.runner;

import io.mutune.hpo.space.Configuration;
import java.util.Map;
import java.util.Objects;

/**
 * What a runner is asked to do: train {@code trialId} with {@code config} from
 * {@code fromResource} (0 for a fresh trial) up to {@code toResource}, at the given scale point.
 *
 * @param trialId        stable id of the trial, also used to name its checkpoints
 * @param config         the hyperparameters, by the names the user gave them in the spec
 * @param scale          the scale point, e.g. {@code width -> 256}, {@code depth -> 2}
 * @param fromResource   the resource already trained (steps, tokens...); 0 for a fresh trial
 * @param toResource     the resource to train up to
 * @param resumeFrom     checkpoint path to resume from, or null to start fresh
 * @param checkpointTo   checkpoint path to write at the end of the segment, or null for none
 * @param seed           seed for the trial's initialisation and data order
 */
public record TrialSegment(
        String trialId,
        Configuration config,
        Map<String, Double> scale,
        long fromResource,
        long toResource,
        String resumeFrom,
        String checkpointTo,
        long seed) implements java.io.Serializable {

    public TrialSegment {
        Objects.requireNonNull(trialId, "trialId");
        Objects.requireNonNull(config, "config");
        scale = Map.copyOf(scale);
        if (fromResource < 0 || toResource < fromResource) {
            throw new IllegalArgumentException(
                    "segment of " + trialId + " must have 0 <= fromResource <= toResource, got "
                            + fromResource + " .. " + toResource);
        }
    }

    /** The scale axis as an int, e.g. {@code intScale("width")}; fails if the axis is absent. */
    public int intScale(String axis) {
        Double v = scale.get(axis);
        if (v == null) {
            throw new IllegalArgumentException("trial " + trialId + " has no scale axis '" + axis + "'; it has " + scale.keySet());
        }
        return (int) Math.round(v);
    }
}
