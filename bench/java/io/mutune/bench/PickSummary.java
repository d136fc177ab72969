package io.mutune.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntToDoubleFunction;

/**
 * The pick benchmark's table: per method, with and without confirmation, and budget, the median
 * and quartiles of the held-out regret of the pick over the seeds, and how many picks are within
 * 1 % of the best known row.
 */
final class PickSummary {
    private PickSummary() { }

    static void print(List<PickBenchmark.Shipped> picks, IntToDoubleFunction regretOfRow, double[] fractions, PrintStream out) {
        Map<String, List<PickBenchmark.Shipped>> byMethod = new LinkedHashMap<>();
        for (PickBenchmark.Shipped p : picks) {
            byMethod.computeIfAbsent(p.method() + (p.confirmed() ? " + confirm" : ""), k -> new ArrayList<>()).add(p);
        }
        StringBuilder header = new StringBuilder("| method |");
        StringBuilder rule = new StringBuilder("|---|");
        for (double f : fractions) {
            header.append(String.format(Locale.ROOT, " 1/%.0f: median (q1, q3) | within 1%% |", 1 / f));
            rule.append("---|---|");
        }
        out.println(header);
        out.println(rule);
        byMethod.forEach((method, list) -> {
            StringBuilder line = new StringBuilder("| " + method + " |");
            for (double f : fractions) {
                double[] r = list.stream().filter(p -> p.fraction() == f).mapToDouble(p -> regretOfRow.applyAsDouble(p.row()))
                        .sorted().toArray();
                long within = java.util.Arrays.stream(r).filter(v -> v <= 0.01).count();
                line.append(String.format(Locale.ROOT, " %+.2f%% (%+.2f, %+.2f) | %d/%d |", 100 * quantile(r, 0.5),
                        100 * quantile(r, 0.25), 100 * quantile(r, 0.75), within, r.length));
            }
            out.println(line);
        });
    }

    static double quantile(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int i = (int) Math.floor(pos);
        int j = Math.min(i + 1, sorted.length - 1);
        return sorted[i] + (pos - i) * (sorted[j] - sorted[i]);
    }
}
