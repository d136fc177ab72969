package io.mutune.transfer.rules;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits {@code f(hp*) = c + sum_k a_k log(axis_k)} to per-scale optima by weighted least squares,
 * each optimum weighted by the inverse of its (floored) bootstrap variance, takes coefficient
 * intervals from the same bootstrap replicates (the Step Law's fit tool resamples 1000 times),
 * and tests whether the optima scatter around the rule more than those variances allow.
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
        double[] variances = optimumVariances(points, replicates);
        double[] weights = inverse(variances);
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
        return new RuleFit(rule, points, weights, samples, law.rmsResidual(y), LackOfFit.of(law, y, weights));
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
     * The variance of each optimum: its bootstrap variance, but never below an honest floor. An
     * optimum read off the grid (the argmin) is known no better than a uniform error over one grid
     * step, {@code spacing^2 / 12}, even when resampling never moved it; and no point may weigh
     * more than four times the median point, so that one over-confident optimum cannot dominate
     * the fit (it did before: an argmin with a zero-width interval pulled the published constant
     * far from the optima's geometric mean).
     */
    public static double[] optimumVariances(List<ScaleOptimum> points, double[][] replicates) {
        int n = points.size();
        double[] var = new double[n];
        for (int s = 0; s < n; s++) {
            int col = s;
            double[] v = Arrays.stream(replicates).mapToDouble(r -> r[col]).filter(Double::isFinite).toArray();
            double mean = Arrays.stream(v).average().orElse(0);
            var[s] = v.length < 2 ? 0 : Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum() / (v.length - 1);
            if (points.get(s).method() == OptimumMethod.ARGMIN) {
                double h = points.get(s).spacing();
                var[s] = Math.max(var[s], h * h / 12);
            }
        }
        double[] positive = Arrays.stream(var).filter(v -> v > 0).sorted().toArray();
        double floor = positive.length == 0 ? 1 : 0.25 * positive[positive.length / 2];
        for (int s = 0; s < n; s++) {
            var[s] = Math.max(var[s], floor);
        }
        return var;
    }

    static double[] inverse(double[] variances) {
        return Arrays.stream(variances).map(v -> 1 / v).toArray();
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
