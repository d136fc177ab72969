package io.mutune.transfer.bench;

import io.mutune.transfer.recommend.Recommendation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The every-axis benchmark's figures: a recommendation's rule with its intervals beside the published exponents, means and spreads. */
final class AxesFigures {
    private AxesFigures() {
    }

    static Map<String, Object> describe(Recommendation r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", r.value());
        m.put("interval", List.of(r.lower(), r.upper()));
        m.put("verdict", r.verdict().name());
        m.put("reason", r.verdictReason());
        m.put("form", r.ruleForm());
        m.put("coefficients", r.coefficients());
        Map<String, List<Double>> intervals = new LinkedHashMap<>();
        r.coefficientIntervals().forEach((k, v) -> intervals.put(k, List.of(v[0], v[1])));
        m.put("intervals", intervals);
        m.put("targetPowerLaw", r.targetPowerLaw());
        m.put("scalePoints", r.scalePoints());
        m.put("noiseRelativeSd", r.noise().relativeSd());
        m.put("verdictConfidence", r.verdictConfidence());
        m.put("fitPValue", r.fitPValue());
        if (r.baseline() != null) {
            m.put("baseline", Map.of("name", r.baseline().name(), "formula", r.baseline().formula(), "value", r.baseline().value(),
                    "publishedExponents", r.baseline().publishedExponents()));
        }
        List<String> optima = new ArrayList<>();
        r.evidence().forEach(o -> optima.add(String.format(Locale.ROOT, "%s %.4g [%.4g, %.4g]%s", o.scale(), o.value(), o.intervalLower(),
                o.intervalUpper(), o.edge().isEdge() ? " " + o.edge() : "")));
        m.put("optima", optima);
        return m;
    }

    /** {@code lr = 0.0123 [0.01, 0.015] fitted: a_width = ... | Step Law 0.002 (a_params -0.713, ...)}. */
    static String line(Recommendation r) {
        StringBuilder b = new StringBuilder(String.format(Locale.ROOT, "%s = %.4g [%.4g, %.4g] %s; %s", r.hyperparameter(), r.value(),
                r.lower(), r.upper(), r.verdict(), r.verdictReason()));
        if (r.baseline() != null) {
            b.append(String.format(Locale.ROOT, " | %s %.4g, published %s", r.baseline().name(), r.baseline().value(),
                    r.baseline().publishedExponents()));
        }
        return b.toString();
    }

    static double mean(List<Double> v) {
        return v.stream().mapToDouble(x -> Double.isNaN(x) ? Double.POSITIVE_INFINITY : x).average().orElse(Double.NaN);
    }

    static double sd(List<Double> v) {
        if (v.size() < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        return Math.sqrt(v.stream().mapToDouble(x -> (x - m) * (x - m)).sum() / (v.size() - 1));
    }

    static boolean atEdge(double factor, List<Double> grid) {
        return Math.abs(factor - grid.get(0)) < 1e-6 * factor || Math.abs(factor - grid.get(grid.size() - 1)) < 1e-6 * factor;
    }
}
