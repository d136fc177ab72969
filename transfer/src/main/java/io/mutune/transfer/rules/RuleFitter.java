package io.mutune.transfer.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits {@code f(hp*) = c + sum_k a_k log(axis_k)} to per-scale optima by weighted least squares,
 * each optimum weighted by the inverse of its bootstrap variance, and takes coefficient intervals
 * from the same bootstrap replicates (the Step Law's fit tool resamples 1000 times).
 */
public final class RuleFitter {

    private final double confidence;

    public RuleFitter(double confidence) {
        if (!(confidence > 0 && confidence < 1)) {
            throw new IllegalArgumentException("confidence must be in (0, 1), got " + confidence);
        }
        this.confidence = confidence;
    }

    /**
     * @param points     the optima to fit, one per scale point
     * @param replicates {@code [replicate][point]} bootstrap optima in fit space, same point order
     * @param axes       the axes that get an exponent (empty: fit a constant)
     */
    public RuleFit fit(List<ScaleOptimum> points, double[][] replicates, List<String> axes) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("no optima to fit a rule to");
        }
        String hp = points.get(0).hyperparameter();
        FitSpace space = points.get(0).fitSpace();
        double[] y = points.stream().mapToDouble(ScaleOptimum::fitValue).toArray();
        double[] weights = inverseVarianceWeights(replicates, points.size());
        List<Map<String, Double>> scales = points.stream().map(ScaleOptimum::scale).toList();
        WeightedPowerLaw law = new WeightedPowerLaw(axes, scales, weights);
        double[] beta = law.coefficients(y);

        List<double[]> samples = new ArrayList<>();
        for (double[] rep : replicates) {
            if (Arrays.stream(rep).allMatch(Double::isFinite)) {
                samples.add(law.coefficients(rep));
            }
        }
        List<String> names = ScalingRule.coefficientNames(axes);
        Map<String, Double> coefficients = new LinkedHashMap<>();
        Map<String, double[]> intervals = new LinkedHashMap<>();
        for (int j = 0; j < names.size(); j++) {
            coefficients.put(names.get(j), beta[j]);
            int col = j;
            double[] draws = samples.stream().mapToDouble(s -> s[col]).toArray();
            intervals.put(names.get(j), samples.isEmpty() ? new double[] {beta[j], beta[j]} : Percentiles.central(draws, confidence));
        }
        ScalingRule rule = new ScalingRule(ScalingRule.FORMAT, hp, space, axes, ScalingRule.formOf(hp, space, axes),
                coefficients, intervals, covariance(samples, names.size()), confidence, provenance(points, replicates));
        return new RuleFit(rule, points, weights, samples, law.rmsResidual(y));
    }

    private static Map<String, String> provenance(List<ScaleOptimum> points, double[][] replicates) {
        Map<String, String> p = new LinkedHashMap<>();
        p.put("scalePoints", String.valueOf(points.size()));
        p.put("finalTrials", String.valueOf(points.stream().mapToInt(ScaleOptimum::finalTrials).sum()));
        p.put("bootstrapResamples", String.valueOf(replicates.length));
        p.put("mutuneVersion", String.valueOf(RuleFitter.class.getPackage().getImplementationVersion()));
        p.put("java", System.getProperty("java.version"));
        return p;
    }

    /**
     * 1 / bootstrap variance per point. A point whose optimum never moved under resampling (the
     * argmin of a coarse grid) would get infinite weight; its variance is floored at a quarter
     * of the median variance so that no single point dominates.
     */
    static double[] inverseVarianceWeights(double[][] replicates, int points) {
        double[] var = new double[points];
        for (int s = 0; s < points; s++) {
            int col = s;
            double[] v = Arrays.stream(replicates).mapToDouble(r -> r[col]).filter(Double::isFinite).toArray();
            double mean = Arrays.stream(v).average().orElse(0);
            var[s] = v.length < 2 ? 0 : Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
        }
        double[] positive = Arrays.stream(var).filter(v -> v > 0).sorted().toArray();
        double floor = positive.length == 0 ? 1 : 0.25 * positive[positive.length / 2];
        double[] w = new double[points];
        for (int s = 0; s < points; s++) {
            w[s] = 1 / Math.max(var[s], floor);
        }
        return w;
    }

    private static double[][] covariance(List<double[]> samples, int p) {
        double[][] cov = new double[p][p];
        if (samples.size() < 2) {
            return cov;
        }
        double[] mean = new double[p];
        samples.forEach(s -> {
            for (int j = 0; j < p; j++) {
                mean[j] += s[j] / samples.size();
            }
        });
        for (double[] s : samples) {
            for (int i = 0; i < p; i++) {
                for (int j = 0; j < p; j++) {
                    cov[i][j] += (s[i] - mean[i]) * (s[j] - mean[j]) / (samples.size() - 1);
                }
            }
        }
        return cov;
    }
}
