package io.mutune.transfer.rules;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Leave-one-scale-out validation: fit the rule on every scale point but the largest and predict
 * the largest, which is what transfer asks of a rule (extrapolate up). The error is reported in
 * fit space and in loss, the latter read from the held-out scale's own loss profile, so it says
 * what following the rule would have cost at a scale where the answer is known.
 */
public final class LeaveOneScaleOut {

    private LeaveOneScaleOut() {
    }

    /**
     * @param points     the optima the rule was fitted to
     * @param weights    their weights
     * @param axes       the rule's axes
     * @param sizeAxes   the axes that order scale points by size (sum of their logs)
     * @param profiles   each scale point's loss profile, to read the loss at the prediction
     * @return empty when too few points remain to refit
     */
    public static Optional<Validation> validate(List<ScaleOptimum> points, double[] weights, List<String> axes,
                                                List<String> sizeAxes, Map<Map<String, Double>, LossProfile> profiles) {
        if (points.size() < axes.size() + 2) {
            return Optional.empty();
        }
        int largest = 0;
        Comparator<Map<String, Double>> bySize = Comparator.comparingDouble(s -> logSize(s, sizeAxes));
        for (int i = 1; i < points.size(); i++) {
            if (bySize.compare(points.get(i).scale(), points.get(largest).scale()) > 0) {
                largest = i;
            }
        }
        List<Map<String, Double>> scales = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        double[] w = new double[points.size() - 1];
        for (int i = 0, k = 0; i < points.size(); i++) {
            if (i != largest) {
                scales.add(points.get(i).scale());
                y.add(points.get(i).fitValue());
                w[k++] = weights[i];
            }
        }
        WeightedPowerLaw law;
        try {
            law = new WeightedPowerLaw(axes, scales, w);
        } catch (IllegalArgumentException e) {
            return Optional.empty(); // without the largest point an axis no longer varies
        }
        double[] beta = law.coefficients(y.stream().mapToDouble(Double::doubleValue).toArray());
        ScaleOptimum held = points.get(largest);
        double[] row = WeightedPowerLaw.row(axes, held.scale());
        double predictedFit = 0;
        for (int j = 0; j < row.length; j++) {
            predictedFit += beta[j] * row[j];
        }
        FitSpace space = held.fitSpace();
        Double lossError = null;
        LossProfile profile = profiles.get(held.scale());
        if (profile != null) {
            double loss = profile.lossAt(predictedFit);
            if (Double.isFinite(loss)) {
                lossError = (loss - held.bestMetric()) / Math.abs(held.bestMetric());
            }
        }
        return Optional.of(new Validation(held.scale(), space.fromFit(predictedFit), held.value(),
                predictedFit - held.fitValue(), lossError));
    }

    static double logSize(Map<String, Double> scale, List<String> sizeAxes) {
        return sizeAxes.stream().mapToDouble(a -> Math.log(scale.getOrDefault(a, 1.0))).sum();
    }
}
