package io.mutune.transfer.coordcheck;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/** Mean |activation| per (width, step, layer), averaged over seeds. */
public final class CoordinateCheckResult {

    /** One measurement of one seed. */
    public record Point(int width, int step, String layer, long seed, double meanAbs) {
    }

    private final List<Point> points;

    public CoordinateCheckResult(List<Point> points) {
        this.points = List.copyOf(points);
    }

    public List<Point> points() {
        return points;
    }

    /** Layers in the order the forward pass reports them. */
    public List<String> layers() {
        LinkedHashSet<String> s = new LinkedHashSet<>();
        points.forEach(p -> s.add(p.layer()));
        return new ArrayList<>(s);
    }

    public List<Integer> widths() {
        TreeSet<Integer> s = new TreeSet<>();
        points.forEach(p -> s.add(p.width()));
        return new ArrayList<>(s);
    }

    public int steps() {
        return points.stream().mapToInt(Point::step).max().orElse(-1) + 1;
    }

    /** The seed-averaged mean |activation| of {@code layer} at {@code width} and {@code step}. */
    public double value(String layer, int width, int step) {
        return points.stream().filter(p -> p.layer().equals(layer) && p.width() == width && p.step() == step)
                .mapToDouble(Point::meanAbs).average()
                .orElseThrow(() -> new IllegalArgumentException("no coordinate-check value for layer " + layer
                        + " width " + width + " step " + step));
    }

    /** max/min of a layer's value across widths at one step: 1 means perfectly width-independent. */
    public double spread(String layer, int step) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = 0;
        for (int w : widths()) {
            double v = value(layer, w, step);
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi / lo;
    }

    /** A table: one row per layer and step, one column per width. */
    public String table() {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%-10s %4s", "layer", "step"));
        for (int w : widths()) {
            b.append(String.format(Locale.ROOT, " %10s", "w=" + w));
        }
        b.append(String.format(Locale.ROOT, " %8s%n", "max/min"));
        for (String layer : layers()) {
            for (int t = 0; t < steps(); t++) {
                b.append(String.format(Locale.ROOT, "%-10s %4d", layer, t));
                for (int w : widths()) {
                    b.append(String.format(Locale.ROOT, " %10.4g", value(layer, w, t)));
                }
                b.append(String.format(Locale.ROOT, " %8.2f%n", spread(layer, t)));
            }
        }
        return b.toString();
    }
}
