package io.mutune.transfer.chart;

/** A shaded region between two curves over the same x values, e.g. the interval around a fitted rule. */
public record Band(String group, double[] x, double[] low, double[] high) {
    public Band {
        if (x.length != low.length || x.length != high.length) {
            throw new IllegalArgumentException("band '" + group + "' needs as many low and high values as x values, got "
                    + x.length + ", " + low.length + ", " + high.length);
        }
        x = x.clone();
        low = low.clone();
        high = high.clone();
    }
}
