package io.mutune.transfer.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A fitted transfer rule {@code f(hp*) = c + sum_k a_k log(axis_k)}, with f = log for log-scaled
 * hyperparameters: the power-law form of muP transfer (Tensor Programs V, where a correct
 * parametrization makes the width exponent 0) and of the Step Law ("Predictable Scale", where
 * lr* is a power law in N and D and batch* in D). A launcher can evaluate it at any scale point,
 * including ones never published as recommendations.
 *
 * @param format        "mutune.scaling-rule/1"
 * @param hyperparameter the hyperparameter it predicts
 * @param fitSpace      LOG or LINEAR
 * @param axes          the scale axes with an exponent, in coefficient order (empty: a constant)
 * @param form          human-readable, e.g. {@code log lr = c + a_width*log(width)}
 * @param coefficients  {@code c}, then {@code a_<axis>} per axis
 * @param intervals     bootstrap percentile interval of each coefficient
 * @param covariance    bootstrap covariance of {@code [c, a_...]}, for intervals at new scale points
 * @param confidence    the intervals' level, e.g. 0.95
 * @param provenance    how it was made: seed, resamples, scale points, trials, library and JVM version
 */
public record ScalingRule(String format, String hyperparameter, FitSpace fitSpace, List<String> axes, String form,
                          Map<String, Double> coefficients, Map<String, double[]> intervals,
                          double[][] covariance, double confidence, Map<String, String> provenance) {

    public static final String FORMAT = "mutune.scaling-rule/1";

    public ScalingRule {
        if (!FORMAT.equals(format)) {
            throw new IllegalArgumentException("unknown scaling-rule format '" + format + "', expected " + FORMAT);
        }
        axes = List.copyOf(axes);
        coefficients = Collections.unmodifiableMap(new LinkedHashMap<>(coefficients));
        intervals = Collections.unmodifiableMap(new LinkedHashMap<>(intervals));
        provenance = provenance == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(provenance));
        for (String name : coefficientNames(axes)) {
            if (!coefficients.containsKey(name)) {
                throw new IllegalArgumentException("rule for " + hyperparameter + " lacks coefficient '" + name
                        + "'; it has " + coefficients.keySet());
            }
        }
        if (covariance == null || covariance.length != axes.size() + 1) {
            throw new IllegalArgumentException("rule for " + hyperparameter + " needs a " + (axes.size() + 1)
                    + "x" + (axes.size() + 1) + " covariance");
        }
    }

    /** The same rule with {@code entries} added to its provenance. */
    public ScalingRule withProvenance(Map<String, String> entries) {
        Map<String, String> p = new LinkedHashMap<>(provenance);
        p.putAll(entries);
        return new ScalingRule(format, hyperparameter, fitSpace, axes, form, coefficients, intervals, covariance, confidence, p);
    }

    /** {@code ["c", "a_width", ...]}. */
    public static List<String> coefficientNames(List<String> axes) {
        List<String> names = new java.util.ArrayList<>();
        names.add("c");
        axes.forEach(a -> names.add("a_" + a));
        return names;
    }

    /** {@code log lr = c + a_width*log(width)}, or {@code lr = c} for a linear constant. */
    public static String formOf(String hyperparameter, FitSpace space, List<String> axes) {
        StringBuilder b = new StringBuilder(space == FitSpace.LOG ? "log " + hyperparameter : hyperparameter).append(" = c");
        axes.forEach(a -> b.append(" + a_").append(a).append("*log(").append(a).append(')'));
        return b.toString();
    }

    /** The rule in fit space at {@code scale}. */
    public double predictFit(Map<String, Double> scale) {
        double[] row = WeightedPowerLaw.row(axes, scale);
        double y = 0;
        List<String> names = coefficientNames(axes);
        for (int j = 0; j < row.length; j++) {
            y += coefficients.get(names.get(j)) * row[j];
        }
        return y;
    }

    /** The predicted hyperparameter value at {@code scale}; axes the rule does not use are ignored. */
    public double predict(Map<String, Double> scale) {
        return fitSpace.fromFit(predictFit(scale));
    }

    /** Normal-approximation interval at {@code scale} from the bootstrap covariance, at this rule's confidence. */
    public double[] predictionInterval(Map<String, Double> scale) {
        double[] g = WeightedPowerLaw.row(axes, scale);
        double var = 0;
        for (int i = 0; i < g.length; i++) {
            for (int j = 0; j < g.length; j++) {
                var += g[i] * covariance[i][j] * g[j];
            }
        }
        double z = new org.apache.commons.math3.distribution.NormalDistribution()
                .inverseCumulativeProbability(0.5 + confidence / 2);
        double mid = predictFit(scale);
        double half = z * Math.sqrt(Math.max(var, 0));
        return new double[] {fitSpace.fromFit(mid - half), fitSpace.fromFit(mid + half)};
    }

    /** The exponent of {@code axis}, 0 when the rule does not use it. */
    @JsonIgnore
    public double exponent(String axis) {
        return coefficients.getOrDefault("a_" + axis, 0.0);
    }

    public String toJson() {
        return RuleJson.write(this);
    }

    public static ScalingRule fromJson(String json) {
        return RuleJson.read(json, ScalingRule.class);
    }
}
