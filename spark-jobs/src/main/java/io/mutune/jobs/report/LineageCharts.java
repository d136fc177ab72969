package io.mutune.jobs.report;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Population-based training's lineage (Jaderberg et al., 2017), drawn when the journal has
 * {@code parent_trial} values: each trial a row of segments over the resource, each exploit a
 * dashed link from the parent whose checkpoint it copied.
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
        Map<String, List<JournalRow>> byScale = new LinkedHashMap<>();
        for (JournalRow r : in.rows()) {
            if (r.status() != TrialStatus.RUNNING) {
                byScale.computeIfAbsent(r.scaleKey(), k -> new ArrayList<>()).add(r);
            }
        }
        List<Chart> charts = new ArrayList<>();
        for (String scale : FinalTrials.orderedScales(byScale)) {
            List<JournalRow> rows = byScale.get(scale);
            if (rows.stream().anyMatch(r -> r.parentTrial() != null)) {
                charts.add(chart(scale, rows));
            }
        }
        return charts;
    }

    private static Chart chart(String scale, List<JournalRow> rows) {
        Map<String, Integer> number = new LinkedHashMap<>();
        rows.forEach(r -> number.putIfAbsent(r.trialId(), r.number()));
        List<Series> series = new ArrayList<>();
        boolean namedSegment = false;
        boolean namedExploit = false;
        int exploits = 0;
        for (JournalRow r : rows) {
            int n = number.get(r.trialId());
            series.add(new Series(namedSegment ? "" : "trial segment", new double[] {r.fromResource(), r.resource()},
                    new double[] {n, n}, null, null, Series.Mark.DOT, true, false, n % 3 == 0 ? 0 : n % 3 == 1 ? 5 : 2));
            namedSegment = true;
            Integer parent = r.parentTrial() == null ? null : number.get(r.parentTrial());
            if (parent != null && r.fromResource() > 0 && !r.parentTrial().equals(r.trialId())) {
                series.add(Series.line(namedExploit ? "" : "exploit: copied parent", new double[] {r.fromResource(), r.fromResource()},
                        new double[] {parent, n}, 3).asDashed());
                namedExploit = true;
                exploits++;
            }
        }
        return new Chart("lineage-" + Ids.safe(scale), "PBT lineage at " + scale, "resource", "trial number", false, false, series)
                .withNote(exploits + " exploits: a dashed link goes from the parent whose checkpoint and hyperparameters the trial copied.");
    }
}
