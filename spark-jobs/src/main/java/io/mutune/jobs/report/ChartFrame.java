package io.mutune.jobs.report;

/**
 * The layout of a chart on its canvas: the plot area and the two axis scales fitted to every
 * finite value of its series, error bars and bands. {@link ChartRenderer} draws from this.
 */
public record ChartFrame(Chart chart, AxisScale x, AxisScale y, double left, double top, double right, double bottom) {
    public static final double MARGIN_LEFT = 72;
    public static final double MARGIN_TOP = 36;
    public static final double MARGIN_RIGHT = 170;
    public static final double MARGIN_BOTTOM = 52;

    public static ChartFrame of(Chart c) {
        double[] xr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        double[] yr = {Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (Series s : c.series()) {
            for (int i = 0; i < s.size(); i++) {
                if (usable(s.x()[i], c.xLog()) && usable(s.y()[i], c.yLog())) {
                    widen(xr, s.x()[i]);
                    widen(yr, s.y()[i]);
                    if (s.yLow() != null) {
                        widenIf(yr, s.yLow()[i], c.yLog());
                        widenIf(yr, s.yHigh()[i], c.yLog());
                    }
                }
            }
        }
        for (Band b : c.bands()) {
            for (int i = 0; i < b.x().length; i++) {
                if (usable(b.x()[i], c.xLog())) {
                    widen(xr, b.x()[i]);
                    widenIf(yr, b.low()[i], c.yLog());
                    widenIf(yr, b.high()[i], c.yLog());
                }
            }
        }
        if (xr[0] > xr[1]) {
            xr = new double[] {1, 10};
            yr = new double[] {1, 10};
        }
        double left = MARGIN_LEFT;
        double top = MARGIN_TOP;
        double right = Chart.WIDTH - MARGIN_RIGHT;
        double bottom = Chart.HEIGHT - MARGIN_BOTTOM;
        return new ChartFrame(c, AxisScale.covering(xr[0], xr[1], c.xLog(), left, right),
                AxisScale.covering(yr[0], yr[1], c.yLog(), bottom, top), left, top, right, bottom);
    }

    private static boolean usable(double v, boolean log) {
        return Double.isFinite(v) && (!log || v > 0);
    }

    private static void widen(double[] r, double v) {
        r[0] = Math.min(r[0], v);
        r[1] = Math.max(r[1], v);
    }

    private static void widenIf(double[] r, double v, boolean log) {
        if (usable(v, log)) {
            widen(r, v);
        }
    }

    /** Whether a point lies inside the plotted range on both axes. */
    public boolean visible(double vx, double vy) {
        return x.contains(vx) && y.contains(vy);
    }
}
