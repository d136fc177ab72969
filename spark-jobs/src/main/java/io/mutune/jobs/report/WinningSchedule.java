package io.mutune.jobs.report;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.chart.Figure;
import io.mutune.transfer.chart.Series;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The hyperparameter schedule that produced a PBT scale point's best trial, read back from the
 * journal: the winner's segments back to its last exploit, then the parent's up to the copied
 * checkpoint, and so on back to a fresh start (as {@code io.mutune.hpo.schedule.Lineage} does from a tuner).
 *
 * @param steps the journal rows of the schedule, in resource order
 */
record WinningSchedule(String trialId, double metric, List<JournalRow> steps) {

    /** The best trial at the final resource and its schedule, or null when no trial completed. */
    static WinningSchedule of(List<JournalRow> rows, String metric, String mode) {
        List<JournalRow> done = rows.stream()
                .filter(r -> r.status() == TrialStatus.COMPLETED && r.metrics().get(metric) != null && Double.isFinite(r.metrics().get(metric)))
                .toList();
        long top = done.stream().mapToLong(JournalRow::resource).max().orElse(-1);
        Comparator<JournalRow> byMetric = Comparator.comparingDouble(r -> r.metrics().get(metric));
        JournalRow best = done.stream().filter(r -> r.resource() == top)
                .min("max".equals(mode) ? byMetric.reversed() : byMetric).orElse(null);
        if (best == null) {
            return null;
        }
        return new WinningSchedule(best.trialId(), best.metrics().get(metric), ancestry(rows, best));
    }

    private static List<JournalRow> ancestry(List<JournalRow> rows, JournalRow last) {
        List<JournalRow> reversed = new ArrayList<>();
        String trial = last.trialId();
        long upTo = last.resource();
        // Each step goes to an earlier resource, so the walk ends; the bound guards against a journal with a cycle.
        for (int guard = 0; trial != null && guard < rows.size(); guard++) {
            String t = trial;
            long u = upTo;
            List<JournalRow> segs = rows.stream().filter(r -> r.trialId().equals(t) && r.status() != TrialStatus.RUNNING
                            && r.status() != TrialStatus.FAILED && r.status() != TrialStatus.STALE && r.resource() <= u)
                    .sorted(Comparator.comparingLong(JournalRow::fromResource).reversed()).toList();
            trial = null;
            for (JournalRow s : segs) {
                if (!reversed.isEmpty() && s.resource() > reversed.get(reversed.size() - 1).fromResource()) {
                    continue;
                }
                reversed.add(s);
                if (s.fromResource() > 0 && s.parentTrial() != null && !s.parentTrial().equals(t)) {
                    trial = s.parentTrial();
                    upTo = s.fromResource();
                    break;
                }
            }
        }
        Collections.reverse(reversed);
        return reversed;
    }

    /** The numeric hyperparameters against the resource, one step line each. */
    Chart chart(String scale) {
        Set<String> names = new LinkedHashSet<>();
        steps.forEach(s -> Configuration.fromJson(s.configJson()).values().forEach((k, v) -> {
            if (v instanceof Number) {
                names.add(k);
            }
        }));
        List<Series> series = new ArrayList<>();
        for (String hp : names) {
            double[] x = new double[2 * steps.size()];
            double[] y = new double[2 * steps.size()];
            List<java.util.Map<String, String>> d = new ArrayList<>();
            for (int i = 0; i < steps.size(); i++) {
                JournalRow s = steps.get(i);
                x[2 * i] = s.fromResource();
                x[2 * i + 1] = s.resource();
                y[2 * i] = Configuration.fromJson(s.configJson()).getDouble(hp, Double.NaN);
                y[2 * i + 1] = y[2 * i];
                d.add(TrialDetails.of(s));
                d.add(TrialDetails.of(s));
            }
            series.add(Series.linePoints(hp, x, y).withDetails(d));
        }
        boolean yLog = series.stream().allMatch(s -> java.util.Arrays.stream(s.y()).allMatch(v -> v > 0));
        Figure f = new Figure("the winner's schedule at " + scale, "resource", "value", false, yLog, series);
        String schedule = steps.stream().map(s -> String.format(Locale.ROOT, "%d-%d %s %s", s.fromResource(), s.resource(), s.trialId(),
                s.configJson())).collect(Collectors.joining("; "));
        return Chart.of("schedule-" + Ids.safe(scale), f, String.format(Locale.ROOT, "%s won (%.4g). Its schedule: %s.", trialId, metric, schedule));
    }
}
