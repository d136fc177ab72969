package io.mutune.jobs.validate;

import java.io.Serializable;
import java.util.Map;

/**
 * What {@code mutune validate} (or a spec's {@code validate:} section) trains: the recommended
 * configuration at {@code target} with {@code seeds} held-out seeds, beside {@code hyperparameter}
 * (the lr) a factor {@code bracket} below and above it.
 *
 * @param target         the scale to validate at: the sweep's target or an intermediate scale
 * @param seeds          held-out seeds per configuration
 * @param bracket        the factor between the bracket's points (sqrt(2) to 2 is useful)
 * @param hyperparameter the hyperparameter to bracket, {@code lr} unless told otherwise
 */
public record ValidationPlan(Map<String, Double> target, int seeds, double bracket, String hyperparameter) implements Serializable {

    public ValidationPlan {
        if (target == null || target.isEmpty()) {
            throw new IllegalArgumentException("validate.target: expected a scale such as {width: 2048}");
        }
        target.forEach((axis, v) -> {
            if (v == null || !(v > 0) || v.isInfinite()) {
                throw new IllegalArgumentException("validate.target." + axis + ": expected a positive number, got " + v);
            }
        });
        if (seeds < 1 || seeds > 64) {
            throw new IllegalArgumentException("validate.seeds: expected an integer from 1 to 64 (held-out seeds per configuration), got " + seeds);
        }
        if (!(bracket > 1) || Double.isInfinite(bracket)) {
            throw new IllegalArgumentException("validate.bracket: expected a factor above 1 (sqrt(2) to 2 is useful), got " + bracket);
        }
        target = Map.copyOf(target);
    }

    /** The scale as the {@code validated_at} column writes it, e.g. {@code width=2048}. */
    public String scaleText() {
        StringBuilder b = new StringBuilder();
        new java.util.TreeMap<>(target).forEach((axis, v) -> {
            if (b.length() > 0) {
                b.append(',');
            }
            b.append(axis).append('=').append(v == Math.rint(v) ? String.valueOf(v.longValue()) : String.valueOf(v));
        });
        return b.toString();
    }

    /** The three bracketed values around {@code centre}: below, the centre, above. */
    public double[] bracketAround(double centre) {
        return new double[] {centre / bracket, centre, centre * bracket};
    }
}
