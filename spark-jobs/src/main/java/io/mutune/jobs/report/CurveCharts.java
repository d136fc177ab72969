package io.mutune.jobs.report;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.transfer.chart.Figure;
import io.mutune.transfer.chart.Series;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Learning curves per scale point, from the journal's {@code curve} column: every trial's
 * segments joined in resource order; a cross where a trial was stopped before the final resource
 * (a scheduler's rung) or diverged, and dotted lines at the rungs.
 */
public final class CurveCharts {
    private CurveCharts() { }

    public static List<Chart> build(ReportInputs in) {
        Map<String, List<JournalRow>> byScale = FinalTrials.endedRowsByScale(in.rows());
        List<Chart> charts = new ArrayList<>();
        for (String scale : FinalTrials.orderedScales(byScale)) {
            charts.add(chart(in, scale, byScale.get(scale)));
        }
        return charts;
    }

    private static Chart chart(ReportInputs in, String scale, List<JournalRow> rows) {
        Map<String, List<JournalRow>> byTrial = new LinkedHashMap<>();
        for (JournalRow r : rows) {
            byTrial.computeIfAbsent(r.trialId(), k -> new ArrayList<>()).add(r);
        }
        long finalResource = rows.stream().filter(r -> r.status() == TrialStatus.COMPLETED).mapToLong(JournalRow::resource).max().orElse(0);
        TreeSet<Double> rungs = new TreeSet<>();
        List<Series> series = new ArrayList<>();
        for (var e : byTrial.entrySet()) {
            List<JournalRow> segs = new ArrayList<>(e.getValue());
            segs.sort(Comparator.comparingLong(JournalRow::fromResource).thenComparingLong(JournalRow::seq));
            List<double[]> pts = new ArrayList<>();
            for (JournalRow s : segs) {
                pts.addAll(CurveJson.points(s.curveJson(), in.metric(), s.trialId()));
            }
            if (pts.isEmpty()) {
                continue;
            }
            JournalRow last = segs.get(segs.size() - 1);
            boolean diverged = last.status() == TrialStatus.DIVERGED;
            boolean stopped = !diverged && (last.status() == TrialStatus.STOPPED || last.resource() < finalResource);
            if (stopped) {
                rungs.add((double) last.resource());
            }
            String group = diverged ? "diverged" : stopped ? "stopped at a rung" : "reached " + finalResource;
            double[] x = pts.stream().mapToDouble(p -> p[0]).toArray();
            double[] y = pts.stream().mapToDouble(p -> p[1]).toArray();
            java.util.Map<String, String> details = TrialDetails.of(last);
            series.add(Series.line(group, x, y).withDetails(java.util.Collections.nCopies(x.length, details)));
            if (stopped || diverged) {
                int i = lastFinite(y);
                if (i >= 0) {
                    series.add(Series.points(group, new double[] {x[i]}, new double[] {y[i]}, Series.Mark.CROSS).withDetails(List.of(details)));
                }
            }
        }
        // The same outcome gets the same colour on every scale point's chart: completed, stopped, diverged.
        List<String> outcomes = List.of("reached " + finalResource, "stopped at a rung", "diverged");
        series.sort(Comparator.comparingInt(s -> outcomes.indexOf(s.group())));
        boolean yLog = series.stream().allMatch(s -> java.util.Arrays.stream(s.y()).filter(Double::isFinite).allMatch(v -> v > 0));
        Figure f = new Figure("learning curves at " + scale, "resource", in.metric(), false, yLog, series).withXGuides(new ArrayList<>(rungs));
        return Chart.of("curves-" + Ids.safe(scale), f, byTrial.size() + " trials; crosses mark where a trial was stopped or diverged"
                + (rungs.isEmpty() ? "." : ", dotted lines the rungs " + rungs + ".") + " Hover a curve for its trial.");
    }

    private static int lastFinite(double[] y) {
        for (int i = y.length - 1; i >= 0; i--) {
            if (Double.isFinite(y[i])) {
                return i;
            }
        }
        return -1;
    }
}
