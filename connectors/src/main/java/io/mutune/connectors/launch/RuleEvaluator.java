package io.mutune.connectors.launch;

import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationSchema;
import java.util.List;
import java.util.Map;

/**
 * Evaluates a published rule at a scale that was not published. The contract with the fitter
 * (docs/tables.md): {@code rule_coefficients} holds {@code intercept} and one coefficient per axis,
 * meaning {@code log(value) = intercept + sum_k coefficient_k * log(axis_k)} (natural logs).
 * A muP rule that transfers unchanged has every axis coefficient 0.
 */
public final class RuleEvaluator {
    public static final String INTERCEPT = "intercept";

    private RuleEvaluator() { }

    public static double evaluate(RecommendationRow row, Map<String, Double> scale) {
        Map<String, Double> c = row.coefficients();
        Double intercept = c.get(INTERCEPT);
        if (intercept == null || !Double.isFinite(intercept)) {
            throw new IllegalArgumentException("recommendation '" + row.hyperparameter() + "' of sweep " + row.sweepId()
                    + " has no finite 'intercept' in rule_coefficients " + c + ", so its rule cannot be evaluated at another scale");
        }
        double log = intercept;
        for (Map.Entry<String, Double> e : c.entrySet()) {
            String axis = e.getKey();
            if (axis.equals(INTERCEPT)) {
                continue;
            }
            if (!List.of(RecommendationSchema.AXES).contains(axis)) {
                throw new IllegalArgumentException("recommendation '" + row.hyperparameter() + "': rule_coefficients has '" + axis
                        + "', which is not an axis; expected intercept and some of " + List.of(RecommendationSchema.AXES));
            }
            double a = e.getValue();
            if (a == 0.0) {
                continue;
            }
            Double x = scale.get(axis);
            if (x == null) {
                throw new IllegalArgumentException("the rule for '" + row.hyperparameter() + "' depends on " + axis
                        + " (coefficient " + a + "); give --" + axis);
            }
            log += a * Math.log(x);
        }
        return Math.exp(log);
    }
}
