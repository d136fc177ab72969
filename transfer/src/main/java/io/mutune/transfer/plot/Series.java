package io.mutune.transfer.plot;

/** One line of a plot; NaN or non-positive y values (on a log axis) leave gaps. */
public record Series(String name, double[] x, double[] y) {
    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series " + name + " has " + x.length + " x values but " + y.length + " y values");
        }
    }
}
