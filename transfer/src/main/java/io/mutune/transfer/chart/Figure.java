package io.mutune.transfer.chart;

import java.util.List;

/**
 * An x-y chart as data: what is drawn, not how. {@link FigurePng} draws it with JFreeChart, and the
 * sweep report turns the same figure into an interactive Vega-Lite chart, so the two never disagree.
 *
 * @param series  the data, drawn in order over the bands
 * @param bands   shaded regions between two curves (intervals), drawn under the series
 * @param xGuides x positions of dotted vertical guide lines (e.g. the rungs where trials were stopped)
 */
public record Figure(String title, String xLabel, String yLabel, boolean xLog, boolean yLog,
                     List<Series> series, List<Band> bands, List<Double> xGuides) {
    public Figure {
        series = List.copyOf(series);
        bands = List.copyOf(bands);
        xGuides = List.copyOf(xGuides);
    }

    /** A figure of series alone. */
    public Figure(String title, String xLabel, String yLabel, boolean xLog, boolean yLog, List<Series> series) {
        this(title, xLabel, yLabel, xLog, yLog, series, List.of(), List.of());
    }

    public Figure withBands(List<Band> b) {
        return new Figure(title, xLabel, yLabel, xLog, yLog, series, b, xGuides);
    }

    public Figure withXGuides(List<Double> guides) {
        return new Figure(title, xLabel, yLabel, xLog, yLog, series, bands, guides);
    }

    /** The legend entries in the order they first appear: series groups, then bands. */
    public List<String> groups() {
        java.util.LinkedHashSet<String> g = new java.util.LinkedHashSet<>();
        series.forEach(s -> g.add(s.group()));
        bands.forEach(b -> g.add(b.group()));
        return List.copyOf(g);
    }

    /** Whether a point can be placed: finite, and positive on a log axis. */
    public boolean drawable(double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && (!xLog || x > 0) && (!yLog || y > 0);
    }
}
