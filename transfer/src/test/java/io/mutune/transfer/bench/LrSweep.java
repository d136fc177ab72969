package io.mutune.transfer.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;

/** Final validation loss per (width, learning rate) of one model × parametrization, and its optima. */
final class LrSweep {
    /** One trial: NaN loss means diverged. */
    record Cell(int width, double lr, double valLoss, double seconds, long units) {
    }

    final String model;
    final String parametrization;
    final List<Cell> cells = new ArrayList<>();

    LrSweep(String model, String parametrization) {
        this.model = model;
        this.parametrization = parametrization;
    }

    List<Integer> widths() {
        return cells.stream().map(Cell::width).distinct().sorted().toList();
    }

    /** The grid learning rate with the lowest loss at {@code width}. */
    double optimum(int width) {
        return cells.stream().filter(c -> c.width() == width && Double.isFinite(c.valLoss()))
                .min((a, b) -> Double.compare(a.valLoss(), b.valLoss())).map(Cell::lr).orElse(Double.NaN);
    }

    double bestLoss(int width) {
        return cells.stream().filter(c -> c.width() == width && Double.isFinite(c.valLoss()))
                .mapToDouble(Cell::valLoss).min().orElse(Double.NaN);
    }

    /** Largest distance, in √2 grid steps, between the optima of any two widths. */
    double optimumSpreadInGridSteps() {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int w : widths()) {
            double k = Math.log(optimum(w)) / Math.log(Math.sqrt(2));
            lo = Math.min(lo, k);
            hi = Math.max(hi, k);
        }
        return Math.round(hi - lo);
    }

    /** How many times larger the smallest width's optimum is than the largest width's. */
    double drift() {
        List<Integer> w = widths();
        return optimum(w.get(0)) / optimum(w.get(w.size() - 1));
    }

    /** Units (samples or tokens) per second per width, over all its trials. */
    TreeMap<Integer, Double> throughput() {
        TreeMap<Integer, Double> t = new TreeMap<>();
        for (int w : widths()) {
            double units = cells.stream().filter(c -> c.width() == w).mapToDouble(Cell::units).sum();
            double secs = cells.stream().filter(c -> c.width() == w && c.seconds() > 0).mapToDouble(Cell::seconds).sum();
            t.put(w, units / secs);
        }
        return t;
    }

    String csv() {
        StringBuilder b = new StringBuilder("model,parametrization,width,lr,val_loss,seconds,units\n");
        for (Cell c : cells.stream().sorted(java.util.Comparator.comparingInt(Cell::width)
                .thenComparingDouble(Cell::lr)).toList()) {
            b.append(String.format(Locale.ROOT, "%s,%s,%d,%.6g,%.6g,%.3f,%d%n", model, parametrization, c.width(), c.lr(),
                    c.valLoss(), c.seconds(), c.units()));
        }
        return b.toString();
    }
}
