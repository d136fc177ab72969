package io.mutune.jobs.validate;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a validation measured: the mean final metric of each bracketed value over its held-out
 * seeds, the recommendation's gap to the best of them and the ratio of the best value to the
 * recommended one. A gap within two standard errors of the difference is reported as such: with
 * few seeds a small gap is noise.
 *
 * @param means       bracketed value -> [mean, s.d., runs]
 * @param recommended the recommended value (the bracket's centre)
 * @param gap         {@code mean(recommended) / mean(best) - 1} in the metric's direction; 0 when it is the best
 * @param ratio       best value / recommended value
 * @param gapSe       standard error of the gap from the runs' spread; NaN with one seed
 */
public record ValidationResult(Map<Double, double[]> means, double recommended, double gap, double ratio, double gapSe) {

    static ValidationResult of(List<JournalRow> rows, String hyperparameter, double recommended, String metric, String mode) {
        long top = rows.stream().filter(r -> r.status() == TrialStatus.COMPLETED).mapToLong(JournalRow::resource).max().orElse(-1);
        Map<Double, List<Double>> runs = new TreeMap<>();
        for (JournalRow r : rows) {
            if (r.status() == TrialStatus.COMPLETED && r.resource() == top && r.metrics().containsKey(metric)) {
                double v = Configuration.fromJson(r.configJson()).getDouble(hyperparameter);
                runs.computeIfAbsent(v, k -> new ArrayList<>()).add(r.metrics().get(metric));
            }
        }
        Map<Double, double[]> means = new TreeMap<>();
        runs.forEach((v, list) -> means.put(v, stats(list)));
        double centre = closest(means.keySet(), recommended);
        if (Double.isNaN(centre) || !means.containsKey(centre)) {
            throw new IllegalStateException("validation: no run of the recommended " + hyperparameter + " = " + recommended + " completed");
        }
        double sign = "max".equals(mode) ? -1 : 1;
        double best = centre;
        for (double v : means.keySet()) {
            if (sign * means.get(v)[0] < sign * means.get(best)[0]) {
                best = v;
            }
        }
        double[] c = means.get(centre);
        double[] b = means.get(best);
        double gap = sign * (c[0] / b[0] - 1);
        double se = Math.hypot(c[1] / Math.sqrt(c[2]), b[1] / Math.sqrt(b[2])) / Math.abs(b[0]);
        return new ValidationResult(means, centre, best == centre ? 0 : gap, best / centre, best == centre ? 0 : se);
    }

    private static double closest(Iterable<Double> values, double target) {
        double best = Double.NaN;
        for (double v : values) {
            if (Double.isNaN(best) || Math.abs(Math.log(v / target)) < Math.abs(Math.log(best / target))) {
                best = v;
            }
        }
        return best;
    }

    private static double[] stats(List<Double> xs) {
        double m = xs.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        double ss = xs.stream().mapToDouble(x -> (x - m) * (x - m)).sum();
        return new double[] {m, xs.size() > 1 ? Math.sqrt(ss / (xs.size() - 1)) : Double.NaN, xs.size()};
    }

    /** Whether the gap can be told from noise: more than two standard errors. */
    public boolean resolved() {
        return gap == 0 || Double.isFinite(gapSe) && gap > 2 * gapSe;
    }

    /** The console lines: one per bracketed value, then the verdict. */
    List<String> lines(String hyperparameter, String metric) {
        List<String> out = new ArrayList<>();
        means.forEach((v, m) -> out.add(String.format(Locale.ROOT, "  %s = %.5g%s  %s = %.5g  (s.d. %s over %d seeds)", hyperparameter, v,
                v == recommended ? " (recommended)" : "", metric, m[0], Double.isNaN(m[1]) ? "n/a" : String.format(Locale.ROOT, "%.2f%%", 100 * m[1] / m[0]),
                (int) m[2])));
        out.add(String.format(Locale.ROOT, "  gap of the recommendation to the best of the bracket: %+.2f%%%s; best %s / recommended = %.3g",
                100 * gap, gap == 0 ? " (the recommendation is the best)" : Double.isFinite(gapSe)
                        ? String.format(Locale.ROOT, " +- %.2f%% (%s)", 100 * gapSe, resolved() ? "beyond the noise" : "within the noise: more seeds would tell")
                        : " (one seed: noise unknown)", hyperparameter, ratio));
        return out;
    }
}
