package io.mutune.connectors.launch;

import io.mutune.connectors.recommend.RecommendationSchema;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a launcher asks for: a model family at a target scale, optionally narrowed to one
 * parametrization and optimizer (needed only when the table holds several for the family).
 *
 * @param scale the target's axes ({@code width}, {@code depth}, {@code tokens}, {@code batch}), each positive
 */
public record TargetQuery(String family, String parametrization, String optimizer, Map<String, Double> scale) {

    public TargetQuery {
        if (family == null || family.isBlank()) {
            throw new IllegalArgumentException("--family is required");
        }
        if (scale == null || scale.isEmpty()) {
            throw new IllegalArgumentException("the target scale is empty; give at least --width");
        }
        scale.forEach((axis, v) -> {
            if (!List.of(RecommendationSchema.AXES).contains(axis)) {
                throw new IllegalArgumentException("unknown target axis '" + axis + "'; expected one of " + List.of(RecommendationSchema.AXES));
            }
            if (v == null || !(v > 0) || v.isInfinite()) {
                throw new IllegalArgumentException("--" + axis + " must be a positive number, got " + v);
            }
        });
        scale = new TreeMap<>(scale);
    }
}
