package io.mutune.jobs.report;

import java.util.Arrays;

/**
 * One data series of a chart.
 *
 * @param name   legend label
 * @param x      x values
 * @param y      y values, same length
 * @param yLow   lower ends of error bars, or null for none
 * @param yHigh  upper ends of error bars, or null
 * @param mark   what is drawn at each point
 * @param line   whether the points are joined, in the given order
 * @param dashed whether the joining line is dashed
 * @param color  index into {@link Palette}
 */
public record Series(String name, double[] x, double[] y, double[] yLow, double[] yHigh, Mark mark, boolean line,
                     boolean dashed, int color) {

    /** What a point looks like. */
    public enum Mark { NONE, DOT, CROSS, DIAMOND }

    public Series {
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + name + "' has " + x.length + " x values but " + y.length + " y values");
        }
        if ((yLow == null) != (yHigh == null) || (yLow != null && (yLow.length != x.length || yHigh.length != x.length))) {
            throw new IllegalArgumentException("series '" + name + "' needs both error-bar ends, one per point");
        }
        x = x.clone();
        y = y.clone();
        yLow = yLow == null ? null : yLow.clone();
        yHigh = yHigh == null ? null : yHigh.clone();
    }

    public static Series line(String name, double[] x, double[] y, int color) {
        return new Series(name, x, y, null, null, Mark.NONE, true, false, color);
    }

    public static Series linePoints(String name, double[] x, double[] y, int color) {
        return new Series(name, x, y, null, null, Mark.DOT, true, false, color);
    }

    public static Series points(String name, double[] x, double[] y, Mark mark, int color) {
        return new Series(name, x, y, null, null, mark, false, false, color);
    }

    public Series asDashed() {
        return new Series(name, x, y, yLow, yHigh, mark, line, true, color);
    }

    public Series withErrorBars(double[] low, double[] high) {
        return new Series(name, x, y, low, high, mark, line, dashed, color);
    }

    public int size() {
        return x.length;
    }

    @Override
    public String toString() {
        return "Series[" + name + ", " + Arrays.toString(x) + " -> " + Arrays.toString(y) + "]";
    }
}
