package io.mutune.jobs.report;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The muTransfer figure (Yang et al., 2022, "Tensor Programs V", Fig. 1): the final metric
 * against each hyperparameter, one curve per scale point. Under a parametrization where optima
 * transfer, the curves' minima line up.
 */
public final class LossCharts {
    private LossCharts() { }

    public static List<Chart> build(ReportInputs in) {
        Map<String, List<JournalRow>> byScale = FinalTrials.lastRowsByScale(in.rows());
        List<String> scales = FinalTrials.orderedScales(byScale);
        List<Chart> charts = new ArrayList<>();
        for (String hp : numericHyperparameters(in.rows())) {
            List<Series> series = new ArrayList<>();
            List<Double> xs = new ArrayList<>();
            int color = 0;
            for (String scale : scales) {
                List<JournalRow> rows = byScale.get(scale);
                long top = FinalTrials.finalResource(rows);
                List<JournalRow> done = rows.stream()
                        .filter(r -> r.status() == TrialStatus.COMPLETED && r.resource() == top && r.metrics().containsKey(in.metric()))
                        .sorted(Comparator.comparingDouble(r -> value(r, hp)))
                        .toList();
                double[] x = done.stream().mapToDouble(r -> value(r, hp)).toArray();
                double[] y = done.stream().mapToDouble(r -> r.metrics().get(in.metric())).toArray();
                for (double v : x) {
                    xs.add(v);
                }
                series.add(Series.linePoints(scale, x, y, color++));
            }
            boolean xLog = xs.stream().allMatch(v -> v > 0) && !xs.isEmpty()
                    && xs.stream().mapToDouble(d -> d).max().getAsDouble() / xs.stream().mapToDouble(d -> d).min().getAsDouble() > 20;
            double[] ys = series.stream().flatMapToDouble(sr -> java.util.Arrays.stream(sr.y())).filter(Double::isFinite).toArray();
            // A few blown-up trials would flatten the basin that the figure is about; a log axis keeps it visible.
            boolean yLog = ys.length > 0 && java.util.Arrays.stream(ys).allMatch(v -> v > 0)
                    && java.util.Arrays.stream(ys).max().getAsDouble() / java.util.Arrays.stream(ys).min().getAsDouble() > 10;
            charts.add(new Chart("loss-vs-" + Ids.safe(hp), in.metric() + " against " + hp + " per scale point", hp, in.metric(),
                    xLog, yLog, series).withNote("Each curve is one scale point's trials at its final resource; "
                    + "under a transferring parametrization the minima line up."));
        }
        return charts;
    }

    /** Hyperparameters of the sweep whose values are numbers, in the order they first appear. */
    static List<String> numericHyperparameters(List<JournalRow> rows) {
        Set<String> names = new LinkedHashSet<>();
        for (JournalRow r : rows) {
            Configuration c = Configuration.fromJson(r.configJson());
            c.values().forEach((k, v) -> {
                if (v instanceof Number) {
                    names.add(k);
                }
            });
        }
        return new ArrayList<>(names);
    }

    static double value(JournalRow r, String hp) {
        return Configuration.fromJson(r.configJson()).getDouble(hp, Double.NaN);
    }
}
