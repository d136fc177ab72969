package io.mutune.transfer.chart;

import java.util.List;
import java.util.Map;

/**
 * One data series of a {@link Figure}.
 *
 * @param group   the legend entry; series of one group share its colour and its one legend line
 * @param yLow    lower ends of error bars, or null for none
 * @param yHigh   upper ends of error bars, or null
 * @param mark    what is drawn at each point
 * @param joined  whether the points are joined by a line, in the given order
 * @param dashed  whether that line is dashed
 * @param details per point, what hovering it shows in an interactive chart (e.g. trial, config, seed); empty for none
 */
public record Series(String group, double[] x, double[] y, double[] yLow, double[] yHigh, Mark mark, boolean joined,
                     boolean dashed, List<Map<String, String>> details) {

    /** What a point looks like. */
    public enum Mark { NONE, DOT, CROSS, DIAMOND }

    public Series {
        if (group == null) {
            throw new IllegalArgumentException("a series needs a legend group, got null");
        }
        if (x.length != y.length) {
            throw new IllegalArgumentException("series '" + group + "' has " + x.length + " x values but " + y.length + " y values");
        }
        if ((yLow == null) != (yHigh == null) || (yLow != null && (yLow.length != x.length || yHigh.length != x.length))) {
            throw new IllegalArgumentException("series '" + group + "' needs both error-bar ends, one per point");
        }
        if (!details.isEmpty() && details.size() != x.length) {
            throw new IllegalArgumentException("series '" + group + "' has " + x.length + " points but " + details.size() + " details");
        }
        x = x.clone();
        y = y.clone();
        yLow = yLow == null ? null : yLow.clone();
        yHigh = yHigh == null ? null : yHigh.clone();
        details = List.copyOf(details);
    }

    public static Series line(String group, double[] x, double[] y) {
        return new Series(group, x, y, null, null, Mark.NONE, true, false, List.of());
    }

    public static Series linePoints(String group, double[] x, double[] y) {
        return new Series(group, x, y, null, null, Mark.DOT, true, false, List.of());
    }

    public static Series points(String group, double[] x, double[] y, Mark mark) {
        return new Series(group, x, y, null, null, mark, false, false, List.of());
    }

    public Series asDashed() {
        return new Series(group, x, y, yLow, yHigh, mark, joined, true, details);
    }

    public Series withErrorBars(double[] low, double[] high) {
        return new Series(group, x, y, low, high, mark, joined, dashed, details);
    }

    public Series withDetails(List<Map<String, String>> perPoint) {
        return new Series(group, x, y, yLow, yHigh, mark, joined, dashed, perPoint);
    }

    public int size() {
        return x.length;
    }
}
