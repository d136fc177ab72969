package io.mutune.transfer.recommend;

import io.mutune.transfer.rules.ScaleFacts;
import io.mutune.transfer.rules.TimescaleRule;
import io.mutune.transfer.rules.WarmupFractionRule;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * How the quantity a rule fits becomes the value a launcher sets at a target: the quantity itself
 * for a power law; wd = B/(lr·tau·D) at the target's recommended lr for the timescale rule; the
 * warmup in the searched unit for the warmup-fraction rule. Each is monotone in the quantity, so
 * the quantity's interval maps to the value's.
 */
interface TargetValue {

    /** The name the value is published under (the spec's). */
    String hyperparameter();

    /** The value at {@code target} when the fitted quantity is {@code quantity} there; NaN when it cannot be computed. */
    double of(double quantity, Map<String, Double> target);

    /** The rule form as published: the quantity's law, with the change of variable in front. */
    String form(String lawForm);

    /** False when the value is the fitted quantity itself. */
    boolean derived();

    /** The value is the quantity. */
    record Same(String hyperparameter) implements TargetValue {
        public double of(double quantity, Map<String, Double> target) {
            return quantity;
        }

        public String form(String lawForm) {
            return lawForm;
        }

        public boolean derived() {
            return false;
        }
    }

    /** wd = B/(lr·tau·D), lr the learning rate recommended at the same target. */
    record Timescale(String hyperparameter, String lr, ToDoubleFunction<Map<String, Double>> lrAt, ScaleFacts facts)
            implements TargetValue {
        public double of(double tau, Map<String, Double> target) {
            double rate = lrAt.applyAsDouble(target);
            return rate > 0 && tau > 0 ? TimescaleRule.weightDecay(target, rate, tau, facts) : Double.NaN;
        }

        public String form(String lawForm) {
            return TimescaleRule.form(hyperparameter, lr, lawForm);
        }

        public boolean derived() {
            return true;
        }
    }

    /** The warmup fraction f as the searched warmup: f·D tokens, f·D/B steps, or f. */
    record Warmup(String hyperparameter, ScaleFacts facts) implements TargetValue {
        public double of(double fraction, Map<String, Double> target) {
            return WarmupFractionRule.warmupAt(hyperparameter, fraction, target, facts);
        }

        public String form(String lawForm) {
            return WarmupFractionRule.form(hyperparameter, lawForm);
        }

        public boolean derived() {
            return !hyperparameter.equals(WarmupFractionRule.FRACTION);
        }
    }
}
