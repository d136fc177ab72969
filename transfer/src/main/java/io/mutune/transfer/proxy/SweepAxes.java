package io.mutune.transfer.proxy;

import java.io.Serializable;
import java.util.List;

/**
 * What a proxy needs to know about the sweep it runs in, beyond its own segment: the token
 * horizons the sweep measures (so a run at the longest can branch the shorter ones' decays off
 * it) and the resource that stands for a whole horizon.
 *
 * @param tokens       the {@code scales.tokens} values, empty without a tokens axis
 * @param resourceMax  {@code search.resource.max}: with a tokens axis a segment's resource is a
 *                     fraction of its horizon, and this value is the whole horizon; 0 when unknown
 */
public record SweepAxes(List<Double> tokens, long resourceMax) implements Serializable {

    /** No sweep context: a proxy used on its own. */
    public static final SweepAxes NONE = new SweepAxes(List.of(), 0);

    public SweepAxes {
        tokens = tokens == null ? List.of() : List.copyOf(tokens);
        if (resourceMax < 0) {
            throw new IllegalArgumentException("search.resource.max must be >= 0, got " + resourceMax);
        }
    }

    /** The longest horizon in tokens, or NaN without a tokens axis. */
    public double longestTokens() {
        return tokens.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }
}
