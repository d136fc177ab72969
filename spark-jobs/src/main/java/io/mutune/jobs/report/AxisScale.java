package io.mutune.jobs.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Maps data values on one axis to pixels, linearly or logarithmically, and picks readable ticks. */
public record AxisScale(double min, double max, boolean log, double pixelFrom, double pixelTo) {

    public AxisScale {
        if (!(min < max) || (log && min <= 0)) {
            throw new IllegalArgumentException("axis range [" + min + ", " + max + "] is empty" + (log ? " or not positive on a log axis" : ""));
        }
    }

    /** A scale covering {@code lo..hi} with a little margin, widened when the data is a single value. */
    public static AxisScale covering(double lo, double hi, boolean log, double pixelFrom, double pixelTo) {
        if (log) {
            double a = Math.log10(lo);
            double b = Math.log10(hi);
            double pad = b > a ? (b - a) * 0.05 : 0.5;
            return new AxisScale(Math.pow(10, a - pad), Math.pow(10, b + pad), true, pixelFrom, pixelTo);
        }
        double pad = hi > lo ? (hi - lo) * 0.05 : Math.max(Math.abs(lo) * 0.1, 1);
        return new AxisScale(lo - pad, hi + pad, false, pixelFrom, pixelTo);
    }

    public double toPixel(double v) {
        double f = log ? (Math.log10(v) - Math.log10(min)) / (Math.log10(max) - Math.log10(min)) : (v - min) / (max - min);
        return pixelFrom + f * (pixelTo - pixelFrom);
    }

    public boolean contains(double v) {
        return Double.isFinite(v) && v >= min && v <= max && (!log || v > 0);
    }

    /** Tick values inside the range: powers of ten (with 2 and 5 when the range is short) on log axes, 1-2-5 steps otherwise. */
    public List<Double> ticks() {
        List<Double> t = new ArrayList<>();
        if (log) {
            int lo = (int) Math.floor(Math.log10(min));
            int hi = (int) Math.ceil(Math.log10(max));
            int every = Math.max(1, (hi - lo) / 8);
            // Powers of ten alone when they give enough ticks, else with 2 and 5 between them.
            for (double[] mult : new double[][] {{1}, {1, 2, 5}}) {
                t.clear();
                for (int e = lo; e <= hi; e += every) {
                    for (double m : mult) {
                        double v = m * Math.pow(10, e);
                        if (v >= min && v <= max) {
                            t.add(v);
                        }
                    }
                }
                if (t.size() >= 3) {
                    return t;
                }
            }
            // A log axis spanning less than a factor of 5 would get one or two ticks: use linear steps instead.
            t.clear();
        }
        double raw = (max - min) / 6;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        for (double v = Math.ceil(min / step) * step; v <= max + step * 1e-9; v += step) {
            t.add(Math.abs(v) < step * 1e-9 ? 0.0 : v);
        }
        return t;
    }

    public static String format(double v) {
        double a = Math.abs(v);
        if (a == 0) {
            return "0";
        }
        if (a >= 1e5 || a < 1e-3) {
            return String.format(Locale.ROOT, "%.0e", v).replace("e+0", "e").replace("e-0", "e-").replace("e+", "e");
        }
        String s = String.format(Locale.ROOT, "%.4g", v);
        if (s.contains(".")) {
            s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
        }
        return s;
    }
}
