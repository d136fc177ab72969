package io.mutune.hpo.space;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An integer parameter on {@code [low, high]} with a {@code step}, uniform or log-uniform.
 * Encoding gives each value an equal cell of the unit interval (uniform) or a cell of
 * {@code [v - 0.5, v + 0.5]} in log space (log), so decoding any point of a cell gives its value.
 */
public record IntParameter(String name, long low, long high, boolean log, long step, Condition condition)
        implements Parameter {

    private static final String FORM = "{int: [low, high]} with low <= high, optional step: s >= 1 or log: true (low >= 1, step 1)";

    public IntParameter {
        if (low > high) {
            throw SpaceSpecException.of(name, "bounds are inverted (" + low + " > " + high + ")", FORM);
        }
        if (log && low < 1) {
            throw SpaceSpecException.of(name, "a log range must stay above 0, got low = " + low, FORM);
        }
        if (step < 1) {
            throw SpaceSpecException.of(name, "step must be >= 1, got " + step, FORM);
        }
        if (log && step != 1) {
            throw SpaceSpecException.of(name, "step and log cannot be combined (step " + step + ")", FORM);
        }
    }

    private long count() {
        return (high - low) / step + 1;
    }

    @Override
    public double encode(Object value) {
        if (!(value instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
            throw new IllegalArgumentException(name + " must be an integer, got " + value);
        }
        long v = n.longValue();
        if (v < low || v > high || (v - low) % step != 0) {
            throw new IllegalArgumentException(name + " = " + v + " is not in [" + low + ", " + high + "] step " + step);
        }
        if (log) {
            double a = Math.log(low - 0.5);
            double b = Math.log(high + 0.5);
            return Parameter.clamp01((Math.log(v) - a) / (b - a));
        }
        return ((v - low) / step + 0.5) / count();
    }

    @Override
    public Object decode(double u) {
        u = Parameter.clamp01(u);
        if (log) {
            double a = Math.log(low - 0.5);
            double b = Math.log(high + 0.5);
            long v = Math.round(Math.exp(a + u * (b - a)));
            return Math.min(high, Math.max(low, v));
        }
        long i = Math.min(count() - 1, (long) Math.floor(u * count()));
        return low + i * step;
    }

    @Override
    public int cardinality() {
        return (int) Math.min(Integer.MAX_VALUE, count());
    }

    @Override
    public Map<String, Object> toSpec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("int", List.of(low, high));
        if (log) {
            spec.put("log", true);
        }
        if (step != 1) {
            spec.put("step", step);
        }
        return spec;
    }
}
