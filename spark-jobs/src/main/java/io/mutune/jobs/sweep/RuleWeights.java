package io.mutune.jobs.sweep;

import io.mutune.transfer.recommend.Recommendation;
import io.mutune.transfer.rules.ScaleOptimum;
import java.util.Locale;

/**
 * Explains how much each scale point's optimum counts in the rule: its weight is the inverse of
 * its variance, taken from the width of its interval, so a reader sees why a point pulls the fit.
 */
final class RuleWeights {
    private RuleWeights() { }

    static String describe(Recommendation r) {
        double total = 0;
        for (ScaleOptimum o : r.evidence()) {
            total += weight(o);
        }
        if (!(total > 0)) {
            return "weights: none (no optimum has an interval yet)";
        }
        StringBuilder b = new StringBuilder("weights in the fit (1 / variance of each optimum, from its interval):");
        for (ScaleOptimum o : r.evidence()) {
            double w = weight(o);
            b.append(String.format(Locale.ROOT, " %s %s", o.scale(), w > 0 ? String.format(Locale.ROOT, "%.0f%%", 100 * w / total) : "not fitted"));
        }
        return b.toString();
    }

    private static double weight(ScaleOptimum o) {
        if (o.edge().isEdge() || !Double.isFinite(o.intervalLower()) || !Double.isFinite(o.intervalUpper())) {
            return 0;
        }
        double half = (o.fitSpace().toFit(o.intervalUpper()) - o.fitSpace().toFit(o.intervalLower())) / (2 * 1.96);
        return half > 0 ? 1 / (half * half) : 0;
    }
}
