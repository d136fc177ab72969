package io.mutune.jobs.report;

import java.util.List;

/**
 * A chart as data, drawn the same way to SVG (for the HTML report) and to PNG: {@link ChartRenderer}
 * lays it out with {@link ChartFrame} and draws both through {@link ChartCanvas}, so the two never disagree.
 *
 * @param id      a file-name-safe identifier, e.g. {@code loss-vs-lr}
 * @param vLines  x positions of vertical guide lines (e.g. the rungs where trials were stopped)
 * @param note    a caption under the chart, or null
 */
public record Chart(String id, String title, String xLabel, String yLabel, boolean xLog, boolean yLog,
                    List<Series> series, List<Band> bands, List<Double> vLines, String note) {
    public static final int WIDTH = 640;
    public static final int HEIGHT = 400;

    public Chart {
        if (!id.matches("[a-z0-9._-]+")) {
            throw new IllegalArgumentException("chart id must be lower-case letters, digits, '.', '_' or '-', got '" + id + "'");
        }
        series = List.copyOf(series);
        bands = List.copyOf(bands);
        vLines = List.copyOf(vLines);
    }

    public Chart(String id, String title, String xLabel, String yLabel, boolean xLog, boolean yLog, List<Series> series) {
        this(id, title, xLabel, yLabel, xLog, yLog, series, List.of(), List.of(), null);
    }

    public Chart withBands(List<Band> b) {
        return new Chart(id, title, xLabel, yLabel, xLog, yLog, series, b, vLines, note);
    }

    public Chart withVLines(List<Double> lines) {
        return new Chart(id, title, xLabel, yLabel, xLog, yLog, series, bands, lines, note);
    }

    public Chart withNote(String n) {
        return new Chart(id, title, xLabel, yLabel, xLog, yLog, series, bands, vLines, n);
    }
}
