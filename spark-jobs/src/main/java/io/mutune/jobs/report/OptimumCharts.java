package io.mutune.jobs.report;

import io.mutune.transfer.recommend.Recommendation;
import io.mutune.transfer.rules.ScaleOptimum;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Each hyperparameter's optimum against scale: the per-scale optima with their plateau bands, the
 * fitted rule extended to the targets, its band, and the recommended value with its interval at
 * each target.
 */
public final class OptimumCharts {
    private static final int GRID = 40;

    private OptimumCharts() { }

    public static List<Chart> build(ReportInputs in) {
        Map<String, List<Recommendation>> byHp = new LinkedHashMap<>();
        for (Recommendation r : in.recs()) {
            byHp.computeIfAbsent(r.hyperparameter(), k -> new ArrayList<>()).add(r);
        }
        List<Chart> charts = new ArrayList<>();
        byHp.forEach((hp, recs) -> charts.add(chart(hp, recs)));
        return charts;
    }

    private static Chart chart(String hp, List<Recommendation> recs) {
        Recommendation first = recs.get(0);
        RuleCurve rule = RuleCurve.of(first);
        String axis = rule.axis();
        List<ScaleOptimum> ev = first.evidence().stream()
                .filter(o -> o.scale().containsKey(axis))
                .sorted(Comparator.comparingDouble(o -> o.scale().get(axis))).toList();
        List<Series> series = new ArrayList<>();
        series.add(Series.points("optimum per scale", ev.stream().mapToDouble(o -> o.scale().get(axis)).toArray(),
                        ev.stream().mapToDouble(ScaleOptimum::value).toArray(), Series.Mark.DOT, 0)
                .withErrorBars(ev.stream().mapToDouble(ScaleOptimum::plateauLower).toArray(),
                        ev.stream().mapToDouble(ScaleOptimum::plateauUpper).toArray()));
        List<Band> bands = new ArrayList<>();
        double xMin = ev.isEmpty() ? Double.NaN : ev.get(0).scale().get(axis);
        double xMax = recs.stream().mapToDouble(r -> r.targetScale().getOrDefault(axis, Double.NaN)).filter(Double::isFinite).max().orElse(xMin);
        if (rule.hasRule() && Double.isFinite(xMin) && xMax > xMin) {
            double[] x = new double[GRID];
            double[] y = new double[GRID];
            double[] lo = new double[GRID];
            double[] hi = new double[GRID];
            double h0 = Double.isFinite(first.fitQuality()) ? first.fitQuality() : 0;
            double hLo = rule.toFit(first.value()) - rule.toFit(first.lower());
            double hHi = rule.toFit(first.upper()) - rule.toFit(first.value());
            for (int i = 0; i < GRID; i++) {
                double t = i / (double) (GRID - 1);
                x[i] = Math.exp(Math.log(xMin) + t * (Math.log(xMax) - Math.log(xMin)));
                y[i] = rule.at(x[i]);
                // Why interpolate: the band is the fit's residual at the proxies and the bootstrap interval at the target.
                lo[i] = rule.fromFit(rule.toFit(y[i]) - (h0 + t * (hLo - h0)));
                hi[i] = rule.fromFit(rule.toFit(y[i]) + (h0 + t * (hHi - h0)));
            }
            series.add(Series.line("rule: " + first.ruleForm(), x, y, 3).asDashed());
            bands.add(new Band("rule band", x, lo, hi, 3));
        }
        for (Recommendation r : recs) {
            Double tx = r.targetScale().get(axis);
            if (tx != null) {
                series.add(Series.points(String.format(Locale.ROOT, "target %s=%s", axis, AxisScale.format(tx)),
                        new double[] {tx}, new double[] {r.value()}, Series.Mark.DIAMOND, 2)
                        .withErrorBars(new double[] {r.lower()}, new double[] {r.upper()}));
            }
        }
        boolean yLog = rule.space() == io.mutune.transfer.rules.FitSpace.LOG;
        return new Chart("optimum-" + Ids.safe(hp), "optimum of " + hp + " against " + axis, axis, hp, true, yLog, series)
                .withBands(bands)
                .withNote(String.format(Locale.ROOT, "%s: verdict %s; rule %s; %d trials over %d scale points; fit RMS %.3g. "
                        + "Bars: plateau band at each proxy scale, 95%% interval at the target.",
                        hp, first.verdict().name().toLowerCase(Locale.ROOT), first.ruleForm(), first.trials(), first.scalePoints(), first.fitQuality()));
    }
}
