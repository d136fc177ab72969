package io.mutune.transfer.recommend;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * A rule in derived quantities (N, D/N, the AdamW timescale, the warmup fraction) as a power law in
 * the target's own axes, {@code log value = c + sum_k a_k log(axis_k)}: the form a launcher
 * evaluates without mutune (docs/tables.md). The exponents are the value's elasticities at the
 * target (central differences in log space), so the law is exact at the target and a first-order
 * expansion around it; the exact rule is in the recommendation's rule form and coefficients.
 */
final class LocalPowerLaw {
    /** The step in log space: 1 %, far below any grid the rules are fitted on and far above rounding. */
    static final double STEP = 0.01;

    private LocalPowerLaw() {
    }

    /** {@code c} and {@code a_<axis>} for every axis of {@code target}; empty when the value is not positive and finite there. */
    static Map<String, Double> at(Map<String, Double> target, ToDoubleFunction<Map<String, Double>> valueAt) {
        double v = valueAt.applyAsDouble(target);
        if (!positive(v)) {
            return Map.of();
        }
        Map<String, Double> exponents = new LinkedHashMap<>();
        double c = Math.log(v);
        for (String axis : target.keySet()) {
            double up = valueAt.applyAsDouble(moved(target, axis, STEP));
            double down = valueAt.applyAsDouble(moved(target, axis, -STEP));
            if (!positive(up) || !positive(down)) {
                return Map.of();
            }
            double a = (Math.log(up) - Math.log(down)) / (2 * STEP);
            exponents.put("a_" + axis, a);
            c -= a * Math.log(target.get(axis));
        }
        Map<String, Double> out = new LinkedHashMap<>();
        out.put("c", c);
        out.putAll(exponents);
        return out;
    }

    private static Map<String, Double> moved(Map<String, Double> target, String axis, double logStep) {
        Map<String, Double> m = new LinkedHashMap<>(target);
        m.put(axis, target.get(axis) * Math.exp(logStep));
        return m;
    }

    private static boolean positive(double v) {
        return v > 0 && Double.isFinite(v);
    }
}
