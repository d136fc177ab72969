package io.mutune.jobs.report;

import io.mutune.jobs.report.ChartCanvas.Anchor;
import java.util.Arrays;

/**
 * Lays out and draws a {@link Chart} on a {@link ChartCanvas}: axes and ticks, bands, guide lines,
 * series with their marks and error bars, the legend and the title. Both the SVG and the PNG of a
 * chart are drawn by this one walk, so the two never disagree.
 */
final class ChartRenderer {
    private static final String GRID = "#eee";
    private static final String FRAME = "#333";
    private static final String GUIDE = "#999";
    private static final double SERIES_WIDTH = 1.6;
    /** The legend stops before the bottom margin; the rest of a long series list is left out. */
    private static final int LEGEND_BOTTOM = Chart.HEIGHT - 20;

    private ChartRenderer() { }

    static void draw(ChartFrame f, ChartCanvas canvas) {
        Chart c = f.chart();
        axes(canvas, f);
        canvas.beginPlotArea();
        for (Band b : c.bands()) {
            band(canvas, f, b);
        }
        for (double v : c.vLines()) {
            if (f.x().contains(v)) {
                double px = f.x().toPixel(v);
                canvas.line(px, f.top(), px, f.bottom(), ShapeStyle.stroked(GUIDE).withClass("rung").withDash(2, 3));
            }
        }
        for (Series s : c.series()) {
            series(canvas, f, s);
        }
        canvas.endPlotArea();
        legend(canvas, c);
        canvas.title(f.left(), 20, c.title());
    }

    private static void axes(ChartCanvas canvas, ChartFrame f) {
        for (double t : f.x().ticks()) {
            double px = f.x().toPixel(t);
            canvas.line(px, f.top(), px, f.bottom(), ShapeStyle.stroked(GRID));
            canvas.text(px, f.bottom() + 15, AxisScale.format(t), Anchor.MIDDLE);
        }
        for (double t : f.y().ticks()) {
            double py = f.y().toPixel(t);
            canvas.line(f.left(), py, f.right(), py, ShapeStyle.stroked(GRID));
            canvas.text(f.left() - 5, py + 4, AxisScale.format(t), Anchor.END);
        }
        canvas.text((f.left() + f.right()) / 2, f.bottom() + 36, f.chart().xLabel(), Anchor.MIDDLE);
        canvas.verticalText(16, (f.top() + f.bottom()) / 2, f.chart().yLabel());
        // The frame goes over the grid: a tick on the plot's edge must not hide it.
        canvas.rect(f.left(), f.top(), f.right() - f.left(), f.bottom() - f.top(), ShapeStyle.stroked(FRAME).withFill("none"));
    }

    /** The band's low edge left to right, then its high edge back. */
    private static void band(ChartCanvas canvas, ChartFrame f, Band b) {
        int n = b.x().length;
        double[] xs = new double[2 * n];
        double[] ys = new double[2 * n];
        for (int i = 0; i < n; i++) {
            xs[i] = f.x().toPixel(b.x()[i]);
            ys[i] = f.y().toPixel(b.low()[i]);
            xs[2 * n - 1 - i] = xs[i];
            ys[2 * n - 1 - i] = f.y().toPixel(b.high()[i]);
        }
        canvas.polygon(xs, ys, ShapeStyle.filled(Palette.hex(b.color())).withClass("band").withFillOpacity(0.18).withStroke("none"));
    }

    private static void series(ChartCanvas canvas, ChartFrame f, Series s) {
        String color = Palette.hex(s.color());
        if (s.line()) {
            double[] xs = new double[s.size()];
            double[] ys = new double[s.size()];
            int n = 0;
            for (int i = 0; i < s.size(); i++) {
                if (drawable(f, s.x()[i], s.y()[i])) {
                    xs[n] = f.x().toPixel(s.x()[i]);
                    ys[n] = f.y().toPixel(s.y()[i]);
                    n++;
                }
            }
            canvas.polyline(Arrays.copyOf(xs, n), Arrays.copyOf(ys, n), ShapeStyle.stroked(color).withClass("series")
                    .withFill("none").withWidth(SERIES_WIDTH).withDash(s.dashed() ? new float[] {6, 4} : null));
        }
        for (int i = 0; i < s.size(); i++) {
            if (!drawable(f, s.x()[i], s.y()[i])) {
                continue;
            }
            double px = f.x().toPixel(s.x()[i]);
            double py = f.y().toPixel(s.y()[i]);
            if (s.yLow() != null && drawable(f, s.x()[i], s.yLow()[i]) && drawable(f, s.x()[i], s.yHigh()[i])) {
                canvas.line(px, f.y().toPixel(s.yLow()[i]), px, f.y().toPixel(s.yHigh()[i]), ShapeStyle.stroked(color).withWidth(1.4));
            }
            mark(canvas, s.mark(), px, py, color);
        }
    }

    private static void mark(ChartCanvas canvas, Series.Mark mark, double px, double py, String color) {
        switch (mark) {
            case DOT -> canvas.circle(px, py, 3, ShapeStyle.filled(color));
            // A cross marks a trial that stopped there (pruned or diverged).
            case CROSS -> canvas.path(new MarkPath().moveTo(px - 4, py - 4).lineTo(px + 4, py + 4)
                    .moveTo(px - 4, py + 4).lineTo(px + 4, py - 4), ShapeStyle.stroked(color).withClass("stop").withWidth(1.8));
            case DIAMOND -> canvas.path(new MarkPath().moveTo(px, py - 6).lineTo(px + 6, py).lineTo(px, py + 6).lineTo(px - 6, py).close(),
                    ShapeStyle.filled(color).withStroke("black"));
            case NONE -> { }
        }
    }

    /** Whether a point can be placed at all: finite, and positive on a log axis. Points outside the range are clipped instead. */
    private static boolean drawable(ChartFrame f, double x, double y) {
        return Double.isFinite(x) && Double.isFinite(y) && (!f.x().log() || x > 0) && (!f.y().log() || y > 0);
    }

    private static void legend(ChartCanvas canvas, Chart c) {
        double x = Chart.WIDTH - ChartFrame.MARGIN_RIGHT + 12;
        double y = ChartFrame.MARGIN_TOP + 8;
        for (Series s : c.series()) {
            if (s.name() == null || s.name().isEmpty()) {
                continue;
            }
            canvas.line(x, y, x + 16, y, ShapeStyle.stroked(Palette.hex(s.color())).withWidth(3));
            canvas.text(x + 21, y + 4, Legend.clip(s.name()), Anchor.START);
            y += 16;
            if (y > LEGEND_BOTTOM) {
                break;
            }
        }
        for (Band b : c.bands()) {
            canvas.swatch(x, y - 4, 16, 8, ShapeStyle.filled(Palette.hex(b.color())).withFillOpacity(0.25));
            canvas.text(x + 21, y + 4, Legend.clip(b.name()), Anchor.START);
            y += 16;
        }
    }
}
