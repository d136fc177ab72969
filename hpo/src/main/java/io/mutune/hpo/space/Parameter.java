package io.mutune.hpo.space;

import java.io.Serializable;
import java.util.Map;

/**
 * One hyperparameter of a search space. Every kind maps its values to the unit interval and
 * back, so model-based searchers work in one coordinate system: the unit hypercube.
 */
public sealed interface Parameter extends Serializable
        permits FloatParameter, IntParameter, CategoricalParameter, FixedParameter {

    String name();

    /** The condition under which the parameter exists, or null when it always does. */
    Condition condition();

    /** The value's position in [0, 1]; fails with the bad value when it is outside the parameter. */
    double encode(Object value);

    /** The value at {@code u} (clamped to [0, 1]); discrete kinds take the cell {@code u} falls in. */
    Object decode(double u);

    /** Number of distinct values, or {@link Integer#MAX_VALUE} for a continuous range. */
    int cardinality();

    /** The spec form, e.g. {@code {float: [1e-4, 1e-1], log: true}}. */
    Map<String, Object> toSpec();

    /** The spec form with the condition added when there is one. */
    default Map<String, Object> toSpecWithCondition() {
        Map<String, Object> spec = new java.util.LinkedHashMap<>(toSpec());
        if (condition() != null) {
            spec.put("when", condition().toSpec());
        }
        return spec;
    }

    static double clamp01(double u) {
        if (Double.isNaN(u)) {
            throw new IllegalArgumentException("unit coordinate is NaN");
        }
        return Math.min(1.0, Math.max(0.0, u));
    }
}
