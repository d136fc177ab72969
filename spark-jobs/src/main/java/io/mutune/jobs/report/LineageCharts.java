package io.mutune.jobs.report;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.transfer.chart.Figure;
import io.mutune.transfer.chart.Series;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Population-based training's lineage (Jaderberg et al., 2017), drawn when the journal has
 * {@code parent_trial} values: each trial a row of segments over the resource, each exploit a
 * dashed link from the parent whose checkpoint it copied, the winner's ancestry picked out; and the
 * winner's hyperparameter schedule ({@link WinningSchedule}).
 */
public final class LineageCharts {
    private LineageCharts() { }

    public static boolean applies(ReportInputs in) {
        return in.rows().stream().anyMatch(r -> r.parentTrial() != null);
    }

    public static List<Chart> build(ReportInputs in) {
        if (!applies(in)) {
            return List.of();
        }
        Map<String, List<JournalRow>> byScale = FinalTrials.endedRowsByScale(in.rows());
        List<Chart> charts = new ArrayList<>();
        for (String scale : FinalTrials.orderedScales(byScale)) {
            List<JournalRow> rows = byScale.get(scale);
            if (rows.stream().anyMatch(r -> r.parentTrial() != null)) {
                WinningSchedule winner = WinningSchedule.of(rows, in.metric(), in.mode());
                charts.add(lineage(scale, rows, winner));
                if (winner != null) {
                    charts.add(winner.chart(scale));
                }
            }
        }
        return charts;
    }

    private static Chart lineage(String scale, List<JournalRow> rows, WinningSchedule winner) {
        Map<String, Integer> number = new LinkedHashMap<>();
        rows.forEach(r -> number.putIfAbsent(r.trialId(), r.number()));
        List<Series> series = new ArrayList<>();
        int exploits = 0;
        for (JournalRow r : rows) {
            int n = number.get(r.trialId());
            boolean ancestry = winner != null && winner.steps().contains(r);
            Map<String, String> d = TrialDetails.of(r);
            series.add(Series.linePoints(ancestry ? "the winner's lineage" : "trial segment", new double[] {r.fromResource(), r.resource()},
                    new double[] {n, n}).withDetails(List.of(d, d)));
            Integer parent = r.parentTrial() == null ? null : number.get(r.parentTrial());
            if (parent != null && r.fromResource() > 0 && !r.parentTrial().equals(r.trialId())) {
                series.add(Series.line("exploit: copied parent", new double[] {r.fromResource(), r.fromResource()},
                        new double[] {parent, n}).asDashed().withDetails(List.of(d, d)));
                exploits++;
            }
        }
        // The same legend order, so the same colours, at every scale point; the winner's segments drawn last, on top.
        List<String> groups = List.of("trial segment", "the winner's lineage", "exploit: copied parent");
        series.sort(java.util.Comparator.comparingInt(s -> groups.indexOf(s.group())));
        Figure f = new Figure("PBT lineage at " + scale, "resource", "trial number", false, false, series);
        return Chart.of("lineage-" + Ids.safe(scale), f, exploits + " exploits: a dashed link goes from the parent whose checkpoint "
                + "and hyperparameters the trial copied." + (winner == null ? "" : " The winner is " + winner.trialId() + "."));
    }
}
