package io.mutune.transfer.rules;

import java.util.Collection;

/**
 * Where a hyperparameter is fitted: learning rates and multipliers live on a log scale (muP's
 * rules are power laws, Tensor Programs V), anything that can be zero or negative on a linear one.
 */
public enum FitSpace {
    LOG, LINEAR;

    public double toFit(double value) {
        if (this == LINEAR) {
            return value;
        }
        if (!(value > 0)) {
            throw new IllegalArgumentException("log-scaled hyperparameter value must be > 0, got " + value);
        }
        return Math.log(value);
    }

    /** {@link #toFit}, or NaN where the value has no place in this space (a non-positive value on a log scale). */
    public double toFitOrNaN(double value) {
        return this == LOG && !(value > 0) ? Double.NaN : toFit(value);
    }

    public double fromFit(double x) {
        return this == LOG ? Math.exp(x) : x;
    }

    /** LOG when every observed value is strictly positive, else LINEAR. */
    public static FitSpace infer(Collection<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values to infer a fit space from");
        }
        return values.stream().allMatch(v -> v > 0) ? LOG : LINEAR;
    }
}
