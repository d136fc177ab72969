package io.mutune.jobs.report;

import io.mutune.transfer.recommend.Recommendation;
import io.mutune.transfer.rules.FitSpace;
import java.util.Map;

/**
 * Evaluates a recommendation's fitted rule, {@code fit(value) = c + sum over axes a_axis * log(axis)}
 * (fit = log for log-scaled hyperparameters, identity otherwise), along one scale axis. A rule in
 * derived quantities (the AdamW timescale, N, D/N) is drawn through its power law in the target's
 * own axes ({@link Recommendation#targetPowerLaw()}), in the published value's unit.
 */
record RuleCurve(Recommendation rec, Map<String, Double> coefficients, String axis, FitSpace space, Map<String, Double> fixed) {

    static RuleCurve of(Recommendation rec) {
        boolean derived = !rec.targetPowerLaw().isEmpty();
        Map<String, Double> coefficients = derived ? rec.targetPowerLaw() : rec.coefficients();
        String axis = coefficients.keySet().stream().filter(k -> k.startsWith("a_")).map(k -> k.substring(2))
                .findFirst().orElse(rec.targetScale().containsKey("width") ? "width" : rec.targetScale().keySet().iterator().next());
        FitSpace space = derived || rec.evidence().isEmpty() ? FitSpace.LOG : rec.evidence().get(0).fitSpace();
        return new RuleCurve(rec, coefficients, axis, space, rec.targetScale());
    }

    boolean hasRule() {
        return coefficients.containsKey("c");
    }

    /** The rule's value at {@code x} on the chosen axis, the other axes at the target's values. */
    double at(double x) {
        double f = coefficients.getOrDefault("c", Double.NaN);
        for (var e : coefficients.entrySet()) {
            if (e.getKey().startsWith("a_")) {
                String a = e.getKey().substring(2);
                double v = a.equals(axis) ? x : fixed.getOrDefault(a, Double.NaN);
                f += e.getValue() * Math.log(v);
            }
        }
        return space.fromFit(f);
    }

    double toFit(double v) {
        return space.toFit(v);
    }

    double fromFit(double f) {
        return space.fromFit(f);
    }
}
