package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One scale point in the summary: its best configuration by the mean over that configuration's
 * runs (replicates and confirmation seeds share a configuration), how many runs the mean is over
 * and their spread, so a reader sees whether the best is one lucky seed.
 */
record ScaleSummary(String key, String configJson, double mean, double sd, int runs, int trials, long diverged, long failed,
                    String metric) {

    static ScaleSummary of(String key, List<JournalRow> rows, String metric, String mode) {
        long top = rows.stream().filter(r -> r.status() == TrialStatus.COMPLETED).mapToLong(JournalRow::resource).max().orElse(-1);
        Map<String, List<Double>> byConfig = new LinkedHashMap<>();
        for (JournalRow r : rows) {
            if (r.status() == TrialStatus.COMPLETED && r.resource() == top && r.metrics().containsKey(metric)) {
                byConfig.computeIfAbsent(r.configJson(), c -> new ArrayList<>()).add(r.metrics().get(metric));
            }
        }
        String best = null;
        double bestMean = Double.NaN;
        for (Map.Entry<String, List<Double>> e : byConfig.entrySet()) {
            double m = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElseThrow();
            boolean better = Double.isNaN(bestMean) || ("max".equals(mode) ? m > bestMean : m < bestMean);
            if (better) {
                best = e.getKey();
                bestMean = m;
            }
        }
        List<Double> runs = best == null ? List.of() : byConfig.get(best);
        double sd = Double.NaN;
        if (runs.size() > 1) {
            double m = bestMean;
            sd = Math.sqrt(runs.stream().mapToDouble(v -> (v - m) * (v - m)).sum() / (runs.size() - 1));
        }
        long trials = rows.stream().map(JournalRow::trialId).distinct().count();
        return new ScaleSummary(key, best, bestMean, sd, runs.size(), (int) trials,
                rows.stream().filter(r -> r.status() == TrialStatus.DIVERGED).count(),
                rows.stream().filter(r -> r.status() == TrialStatus.FAILED).count(), metric);
    }

    String line() {
        String best = configJson == null ? "no completed trial"
                : String.format(Locale.ROOT, "%s=%.5g%s over %d run%s  %s", metric, mean,
                runs > 1 ? String.format(Locale.ROOT, " (s.d. %.2f%%)", 100 * sd / Math.abs(mean)) : "", runs, runs == 1 ? "" : "s", configJson);
        return String.format(Locale.ROOT, "%-10s %s  (%d trials, %d diverged, %d failed)", key, best, trials, diverged, failed);
    }
}
