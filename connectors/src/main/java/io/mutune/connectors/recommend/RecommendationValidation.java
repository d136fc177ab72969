package io.mutune.connectors.recommend;

import java.io.Serializable;
import java.util.Objects;

/**
 * What {@code mutune validate} measured for a recommendation by training it at a validation scale
 * with held-out seeds, beside an lr bracket around it (schema version 2, columns
 * {@code validated_*}).
 *
 * @param gap     relative loss gap of the recommendation against the best of its lr bracket (0.018 is 1.8 % worse; 0 when it was the best)
 * @param lrRatio best lr in the bracket / recommended lr; null when no lr bracket was run
 * @param seeds   held-out seeds per configuration
 * @param at      the scale it was validated at, as text, e.g. {@code width=2048}
 * @param sweepId the validation's sweep id
 */
public record RecommendationValidation(double gap, Double lrRatio, int seeds, String at, String sweepId) implements Serializable {

    public RecommendationValidation {
        Objects.requireNonNull(at, "validation scale");
        if (sweepId == null || sweepId.isBlank()) {
            throw new IllegalArgumentException("validation of a recommendation: its sweep id is empty");
        }
        if (seeds < 1) {
            throw new IllegalArgumentException("validation " + sweepId + ": seeds must be at least 1, got " + seeds);
        }
    }
}
