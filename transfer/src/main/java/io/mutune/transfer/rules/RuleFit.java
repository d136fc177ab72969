package io.mutune.transfer.rules;

import java.util.List;
import java.util.Map;

/**
 * A fitted rule with what produced it: the optima it was fitted to, their weights, and the
 * bootstrap coefficient samples that give intervals at any scale point.
 *
 * @param rule        the rule (point estimate, bootstrap intervals and covariance)
 * @param points      the per-scale optima fitted (edge-of-range optima are left out)
 * @param weights     one per point: inverse bootstrap variance of its optimum
 * @param samples     bootstrap coefficient vectors {@code [c, a_...]}
 * @param fitQuality  weighted RMS residual of the optima around the rule, in fit space
 *                    (natural-log units for LOG hyperparameters; 0 is a perfect fit)
 * @param lackOfFit   whether the optima scatter around the rule beyond their own uncertainty
 */
public record RuleFit(ScalingRule rule, List<ScaleOptimum> points, double[] weights, List<double[]> samples,
                      double fitQuality, LackOfFit lackOfFit) {

    public RuleFit {
        points = List.copyOf(points);
        samples = List.copyOf(samples);
    }

    /** The largest distance of a fitted optimum from the rule, in fit space. */
    public double maxAbsResidual() {
        double max = 0;
        for (ScaleOptimum p : points) {
            max = Math.max(max, Math.abs(p.fitValue() - rule.predictFit(p.scale())));
        }
        return max;
    }

    /** Each point's share of the total weight, in point order: what the summary explains. */
    public double[] weightShares() {
        double total = java.util.Arrays.stream(weights).sum();
        return java.util.Arrays.stream(weights).map(w -> w / total).toArray();
    }

    /**
     * Bootstrap percentile interval of the prediction at {@code scale}, in hyperparameter units;
     * the point prediction twice when no resample was usable.
     */
    public double[] predictionInterval(Map<String, Double> scale) {
        double[] row = WeightedPowerLaw.row(rule.axes(), scale);
        if (samples.isEmpty()) {
            double v = rule.predict(scale);
            return new double[] {v, v};
        }
        double[] predictions = new double[samples.size()];
        for (int b = 0; b < samples.size(); b++) {
            double y = 0;
            for (int j = 0; j < row.length; j++) {
                y += samples.get(b)[j] * row[j];
            }
            predictions[b] = y;
        }
        double[] ci = Percentiles.central(predictions, rule.confidence());
        return new double[] {rule.fitSpace().fromFit(ci[0]), rule.fitSpace().fromFit(ci[1])};
    }
}
