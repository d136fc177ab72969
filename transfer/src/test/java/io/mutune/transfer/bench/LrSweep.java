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

    /** Reads back what {@link #csv} wrote. */
    static LrSweep fromCsv(String model, String parametrization, List<String> lines) {
        LrSweep s = new LrSweep(model, parametrization);
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",");
            s.cells.add(new Cell(Integer.parseInt(f[2]), Double.parseDouble(f[3]), Double.parseDouble(f[4]),
                    Double.parseDouble(f[5]), Long.parseLong(f[6])));
        }
        return s;
    }

    List<Integer> widths() {
        return cells.stream().map(Cell::width).distinct().sorted().toList();
    }

    /** The grid learning rate with the lowest loss at {@code width}. */
    double optimum(int width) {
        return cells.stream().filter(c -> c.width() == width && Double.isFinite(c.valLoss()))
                .min((a, b) -> Double.compare(a.valLoss(), b.valLoss())).map(Cell::lr).orElse(Double.NaN);
    }

    /**
     * The optimum from a parabola fitted (least squares, in log2 lr) to the best grid point and
     * its two neighbours on each side; single-seed losses are noisy in a flat basin, and the
     * vertex is a steadier estimate than the grid argmin. Falls back to the argmin when the
     * parabola does not open upwards; clamped to the fitted points' range.
     */
    double fittedOptimum(int width) {
        double best = optimum(width);
        double kBest = Math.log(best) / Math.log(2);
        List<double[]> pts = cells.stream().filter(c -> c.width() == width && Double.isFinite(c.valLoss()))
                .map(c -> new double[] {Math.log(c.lr()) / Math.log(2), c.valLoss()})
                .filter(p -> Math.abs(p[0] - kBest) <= 1.01).toList();
        if (pts.size() < 3) {
            return best;
        }
        double[][] a = new double[3][4];
        for (double[] p : pts) {
            double[] row = {p[0] * p[0], p[0], 1};
            for (int i = 0; i < 3; i++) {
                for (int j = 0; j < 3; j++) {
                    a[i][j] += row[i] * row[j];
                }
                a[i][3] += row[i] * p[1];
            }
        }
        double[] coef = solve(a);
        if (coef == null || !(coef[0] > 0)) {
            return best;
        }
        double x = -coef[1] / (2 * coef[0]);
        double lo = pts.stream().mapToDouble(p -> p[0]).min().orElseThrow();
        double hi = pts.stream().mapToDouble(p -> p[0]).max().orElseThrow();
        return Math.pow(2, Math.max(lo, Math.min(hi, x)));
    }

    private static double[] solve(double[][] a) {
        int n = 3;
        for (int c = 0; c < n; c++) {
            int piv = c;
            for (int r = c + 1; r < n; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] t = a[c];
            a[c] = a[piv];
            a[piv] = t;
            if (Math.abs(a[c][c]) < 1e-12) {
                return null;
            }
            for (int r = 0; r < n; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= n; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        return new double[] {a[0][3] / a[0][0], a[1][3] / a[1][1], a[2][3] / a[2][2]};
    }

    double bestLoss(int width) {
        return cells.stream().filter(c -> c.width() == width && Double.isFinite(c.valLoss()))
                .mapToDouble(Cell::valLoss).min().orElse(Double.NaN);
    }

    /** Largest distance, in √2 grid steps, between the optima of any two widths (grid or fitted). */
    double optimumSpreadInGridSteps(boolean fitted) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int w : widths()) {
            double k = Math.log(fitted ? fittedOptimum(w) : optimum(w)) / Math.log(Math.sqrt(2));
            lo = Math.min(lo, k);
            hi = Math.max(hi, k);
        }
        return fitted ? hi - lo : Math.round(hi - lo);
    }

    /** How many times larger the smallest width's optimum is than the largest width's (grid or fitted). */
    double drift(boolean fitted) {
        List<Integer> w = widths();
        int first = w.get(0);
        int last = w.get(w.size() - 1);
        return fitted ? fittedOptimum(first) / fittedOptimum(last) : optimum(first) / optimum(last);
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
