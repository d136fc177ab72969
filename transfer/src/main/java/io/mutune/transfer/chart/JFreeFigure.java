package io.mutune.transfer.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Rectangle;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Ellipse2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.DatasetRenderingOrder;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.util.ShapeUtils;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * A {@link Figure} as a JFreeChart chart: bands through a {@link DeviationRenderer}, series with error
 * bars through an {@link XYErrorRenderer}, the rest through an {@link XYLineAndShapeRenderer}; one
 * colour and one legend item per group.
 */
public final class JFreeFigure {
    /** Tableau 10, the palette Vega-Lite also uses, so a PNG and the report's chart colour groups alike. */
    private static final Color[] PALETTE = {
        new Color(0x4c78a8), new Color(0xf58518), new Color(0xe45756), new Color(0x72b7b2), new Color(0x54a24b),
        new Color(0xeeca3b), new Color(0xb279a2), new Color(0xff9da6), new Color(0x9d755d), new Color(0xbab0ac)};
    private static final BasicStroke SOLID = new BasicStroke(1.6f);
    private static final BasicStroke DASHED = new BasicStroke(1.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6, 4}, 0);
    private static final BasicStroke GUIDE = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2, 3}, 0);

    private JFreeFigure() { }

    /** The colour of the {@code i}-th legend group. */
    public static Color color(int i) {
        return PALETTE[Math.floorMod(i, PALETTE.length)];
    }

    public static JFreeChart chart(Figure f) {
        XYPlot plot = new XYPlot();
        plot.setDomainAxis(axis(f.xLabel(), f.xLog(), f.series().stream().flatMapToDouble(s -> java.util.Arrays.stream(s.x()))
                .filter(v -> v > 0).toArray()));
        plot.setRangeAxis(axis(f.yLabel(), f.yLog(), new double[0]));
        plot.setBackgroundPaint(Color.WHITE);
        plot.setDomainGridlinePaint(new Color(0xdddddd));
        plot.setRangeGridlinePaint(new Color(0xdddddd));
        plot.setDatasetRenderingOrder(DatasetRenderingOrder.FORWARD);
        List<String> groups = f.groups();
        plot.setDataset(0, bands(f));
        plot.setRenderer(0, bandRenderer(f, groups));
        List<Series> plain = f.series().stream().filter(s -> s.yLow() == null).toList();
        List<Series> barred = f.series().stream().filter(s -> s.yLow() != null).toList();
        plot.setDataset(1, points(f, plain));
        plot.setRenderer(1, style(new XYLineAndShapeRenderer(), plain, groups));
        XYErrorRenderer errors = new XYErrorRenderer();
        errors.setDrawXError(false);
        errors.setCapLength(6);
        plot.setDataset(2, points(f, barred));
        plot.setRenderer(2, style(errors, barred, groups));
        plot.setFixedLegendItems(legend(f, groups));
        for (double g : f.xGuides()) {
            ValueMarker m = new ValueMarker(g, Color.GRAY, GUIDE);
            plot.addDomainMarker(m);
        }
        JFreeChart chart = new JFreeChart(f.title(), new Font(Font.SANS_SERIF, Font.BOLD, 13), plot, !groups.isEmpty());
        chart.setBackgroundPaint(Color.WHITE);
        return chart;
    }

    /** A log axis in base 2, one tick per doubling, for sizes (all at least 1, within 12 doublings); else in base 10. */
    private static ValueAxis axis(String label, boolean log, double[] positive) {
        if (!log) {
            NumberAxis a = new NumberAxis(label);
            a.setAutoRangeIncludesZero(false);
            return a;
        }
        LogAxis a = new LogAxis(label);
        a.setSmallestValue(1e-300);
        a.setNumberFormatOverride(new SignificantFormat());
        double min = java.util.Arrays.stream(positive).min().orElse(0);
        double max = java.util.Arrays.stream(positive).max().orElse(0);
        if (min >= 1 && max / min <= 4096) {
            a.setBase(2);
            a.setTickUnit(new NumberTickUnit(max / min > 256 ? 2 : 1), false, true);
        }
        return a;
    }

    /** One legend item per group: a line (and mark) for series, a shaded box for bands. */
    private static LegendItemCollection legend(Figure f, List<String> groups) {
        LegendItemCollection items = new LegendItemCollection();
        for (int g = 0; g < groups.size(); g++) {
            String name = groups.get(g);
            if (name.isEmpty()) {
                continue;
            }
            Series s = f.series().stream().filter(x -> x.group().equals(name)).findFirst().orElse(null);
            if (s == null) {
                Color c = color(g);
                items.add(new LegendItem(name, null, null, null, new Rectangle(-7, -4, 14, 8),
                        new Color(c.getRed(), c.getGreen(), c.getBlue(), 64)));
            } else {
                items.add(new LegendItem(name, null, null, null, s.mark() != Series.Mark.NONE, shape(s.mark()), true, color(g), false,
                        color(g), SOLID, s.joined(), new Line2D.Double(-9, 0, 9, 0), s.dashed() ? DASHED : SOLID, color(g)));
            }
        }
        return items;
    }

    private static YIntervalSeriesCollection bands(Figure f) {
        YIntervalSeriesCollection c = new YIntervalSeriesCollection();
        for (int i = 0; i < f.bands().size(); i++) {
            Band b = f.bands().get(i);
            YIntervalSeries s = new YIntervalSeries("band " + i, false, true);
            for (int k = 0; k < b.x().length; k++) {
                if (f.drawable(b.x()[k], b.low()[k]) && f.drawable(b.x()[k], b.high()[k])) {
                    s.add(b.x()[k], (b.low()[k] + b.high()[k]) / 2, b.low()[k], b.high()[k]);
                }
            }
            c.addSeries(s);
        }
        return c;
    }

    private static DeviationRenderer bandRenderer(Figure f, List<String> groups) {
        DeviationRenderer r = new DeviationRenderer(false, false);
        r.setAlpha(0.2f);
        for (int i = 0; i < f.bands().size(); i++) {
            int g = groups.indexOf(f.bands().get(i).group());
            r.setSeriesFillPaint(i, color(g));
            r.setSeriesPaint(i, color(g));
        }
        return r;
    }

    /** The series' points, with their error-bar ends where they have them (else the point itself). */
    private static YIntervalSeriesCollection points(Figure f, List<Series> series) {
        YIntervalSeriesCollection c = new YIntervalSeriesCollection();
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            YIntervalSeries xy = new YIntervalSeries("series " + i, false, true);
            for (int k = 0; k < s.size(); k++) {
                double lo = s.yLow() == null ? s.y()[k] : s.yLow()[k];
                double hi = s.yHigh() == null ? s.y()[k] : s.yHigh()[k];
                if (f.drawable(s.x()[k], s.y()[k]) && f.drawable(s.x()[k], lo) && f.drawable(s.x()[k], hi)) {
                    xy.add(s.x()[k], s.y()[k], lo, hi);
                } else if (f.drawable(s.x()[k], f.yLog() ? 1 : 0)) {
                    // A point that cannot be placed breaks the line there instead of being bridged.
                    xy.add(s.x()[k], Double.NaN, Double.NaN, Double.NaN);
                }
            }
            c.addSeries(xy);
        }
        return c;
    }

    /** Colours, strokes and marks per series. */
    private static <R extends XYLineAndShapeRenderer> R style(R r, List<Series> series, List<String> groups) {
        for (int i = 0; i < series.size(); i++) {
            Series s = series.get(i);
            Paint p = color(groups.indexOf(s.group()));
            r.setSeriesPaint(i, p);
            r.setSeriesLinesVisible(i, s.joined());
            r.setSeriesStroke(i, s.dashed() ? DASHED : SOLID);
            r.setSeriesShapesVisible(i, s.mark() != Series.Mark.NONE);
            r.setSeriesShape(i, shape(s.mark()));
        }
        return r;
    }

    private static Shape shape(Series.Mark mark) {
        return switch (mark) {
            case CROSS -> ShapeUtils.createDiagonalCross(4, 0.8f);
            case DIAMOND -> ShapeUtils.createDiamond(6);
            case DOT, NONE -> new Ellipse2D.Double(-3, -3, 6, 6);
        };
    }
}
