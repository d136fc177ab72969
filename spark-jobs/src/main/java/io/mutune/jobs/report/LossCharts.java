package io.mutune.jobs.report;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.chart.Figure;
import io.mutune.transfer.chart.Series;
import java.util.ArrayList;
import java.util.Arrays;
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
            for (String scale : scales) {
                List<JournalRow> done = finalRows(byScale.get(scale), in.metric()).stream()
                        .sorted(Comparator.comparingDouble(r -> value(r, hp))).toList();
                double[] x = done.stream().mapToDouble(r -> value(r, hp)).toArray();
                double[] y = done.stream().mapToDouble(r -> r.metrics().get(in.metric())).toArray();
                series.add(Series.linePoints(scale, x, y).withDetails(done.stream().map(TrialDetails::of).toList()));
            }
            double[] xs = series.stream().flatMapToDouble(sr -> Arrays.stream(sr.x())).toArray();
            double[] ys = series.stream().flatMapToDouble(sr -> Arrays.stream(sr.y())).filter(Double::isFinite).toArray();
            // A few blown-up trials would flatten the basin that the figure is about; a log axis keeps it visible.
            Figure f = new Figure(in.metric() + " against " + hp + " per scale point", hp, in.metric(), spansDecades(xs, 20),
                    spansDecades(ys, 10), series);
            charts.add(Chart.of("loss-vs-" + Ids.safe(hp), f, "Each curve is one scale point's trials at its final resource; "
                    + "under a transferring parametrization the minima line up. Hover a point for its trial; click a legend entry to pick a scale point."));
        }
        return charts;
    }

    /** The trials of one scale point that completed at its final resource with the metric. */
    static List<JournalRow> finalRows(List<JournalRow> lastRows, String metric) {
        long top = FinalTrials.finalResource(lastRows);
        return lastRows.stream()
                .filter(r -> r.status() == TrialStatus.COMPLETED && r.resource() == top && r.metrics().containsKey(metric))
                .toList();
    }

    /** Whether values are all positive and their largest is more than {@code ratio} times their smallest. */
    static boolean spansDecades(double[] v, double ratio) {
        return v.length > 0 && Arrays.stream(v).allMatch(d -> d > 0)
                && Arrays.stream(v).max().getAsDouble() / Arrays.stream(v).min().getAsDouble() > ratio;
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
