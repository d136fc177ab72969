package io.mutune.jobs.report;

/** A shaded region between two curves over the same x values (an interval around a fitted rule). */
public record Band(String name, double[] x, double[] low, double[] high, int color) {
    public Band {
        if (x.length != low.length || x.length != high.length) {
            throw new IllegalArgumentException("band '" + name + "' needs as many low and high values as x values, got "
                    + x.length + ", " + low.length + ", " + high.length);
        }
        x = x.clone();
        low = low.clone();
        high = high.clone();
    }
}
