package io.mutune.jobs.report;

import io.mutune.transfer.chart.Band;
import io.mutune.transfer.chart.Figure;
import io.mutune.transfer.chart.Series;
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
        // A derived rule's optima are of the quantity it fits (tau, the warmup fraction), not of the published value: not drawn here.
        List<ScaleOptimum> ev = first.evidence().stream()
                .filter(o -> o.scale().containsKey(axis) && o.hyperparameter().equals(hp))
                .sorted(Comparator.comparingDouble(o -> o.scale().get(axis))).toList();
        List<Series> series = new ArrayList<>();
        series.add(Series.points("optimum per scale", ev.stream().mapToDouble(o -> o.scale().get(axis)).toArray(),
                        ev.stream().mapToDouble(ScaleOptimum::value).toArray(), Series.Mark.DOT)
                .withErrorBars(ev.stream().mapToDouble(ScaleOptimum::plateauLower).toArray(),
                        ev.stream().mapToDouble(ScaleOptimum::plateauUpper).toArray())
                .withDetails(ev.stream().map(o -> TrialDetails.ordered("scale", o.scale().toString(),
                        "plateau", String.format(Locale.ROOT, "[%.4g, %.4g]", o.plateauLower(), o.plateauUpper()))).toList()));
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
            series.add(Series.line("rule: " + first.ruleForm(), x, y).asDashed());
            bands.add(new Band("rule band", x, lo, hi));
        }
        List<Recommendation> atTargets = recs.stream().filter(r -> r.targetScale().containsKey(axis)).toList();
        if (!atTargets.isEmpty()) {
            series.add(Series.points("recommended at the target", atTargets.stream().mapToDouble(r -> r.targetScale().get(axis)).toArray(),
                            atTargets.stream().mapToDouble(Recommendation::value).toArray(), Series.Mark.DIAMOND)
                    .withErrorBars(atTargets.stream().mapToDouble(Recommendation::lower).toArray(),
                            atTargets.stream().mapToDouble(Recommendation::upper).toArray())
                    .withDetails(atTargets.stream().map(r -> TrialDetails.ordered("target", r.targetScale().toString(),
                            "interval", String.format(Locale.ROOT, "[%.4g, %.4g]", r.lower(), r.upper()),
                            "verdict", r.verdict().name().toLowerCase(Locale.ROOT))).toList()));
        }
        boolean yLog = rule.space() == io.mutune.transfer.rules.FitSpace.LOG;
        Figure f = new Figure("optimum of " + hp + " against " + axis, axis, hp, true, yLog, series).withBands(bands);
        return Chart.of("optimum-" + Ids.safe(hp), f, String.format(Locale.ROOT, "%s: verdict %s; rule %s; %d trials over %d scale points; fit RMS %.3g. "
                        + "Bars: plateau band at each proxy scale, 95%% interval at the target.",
                        hp, first.verdict().name().toLowerCase(Locale.ROOT), first.ruleForm(), first.trials(), first.scalePoints(), first.fitQuality()));
    }
}
