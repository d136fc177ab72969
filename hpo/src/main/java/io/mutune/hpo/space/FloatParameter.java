package io.mutune.hpo.space;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A real-valued parameter on {@code [low, high]}, uniform or log-uniform, optionally on a grid of
 * {@code step}. Log parameters are encoded by their logarithm so that model-based searchers see
 * a decade as a fixed distance.
 *
 * @param step grid spacing, or 0 for a continuous range (not allowed together with log)
 */
public record FloatParameter(String name, double low, double high, boolean log, double step, Condition condition)
        implements Parameter {

    private static final String FORM = "{float: [low, high]} with low <= high, optional log: true (low > 0) or step: s > 0";

    public FloatParameter {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw SpaceSpecException.of(name, "bounds must be finite numbers, got [" + low + ", " + high + "]", FORM);
        }
        if (low > high) {
            throw SpaceSpecException.of(name, "bounds are inverted (" + low + " > " + high + ")", FORM);
        }
        if (log && low <= 0) {
            throw SpaceSpecException.of(name, "a log range must stay above 0, got low = " + low, FORM);
        }
        if (step < 0 || !Double.isFinite(step)) {
            throw SpaceSpecException.of(name, "step must be > 0, got " + step, FORM);
        }
        if (step > 0 && log) {
            throw SpaceSpecException.of(name, "step and log cannot be combined (step " + step + ")", FORM);
        }
    }

    @Override
    public double encode(Object value) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException(name + " must be a number, got " + value);
        }
        double v = n.doubleValue();
        if (!(v >= low - 1e-12 * Math.abs(low) && v <= high + 1e-12 * Math.abs(high))) {
            throw new IllegalArgumentException(name + " = " + v + " is outside [" + low + ", " + high + "]");
        }
        if (high == low) {
            return 0.5;
        }
        double u = log ? (Math.log(v) - Math.log(low)) / (Math.log(high) - Math.log(low)) : (v - low) / (high - low);
        return Parameter.clamp01(u);
    }

    @Override
    public Object decode(double u) {
        u = Parameter.clamp01(u);
        double v = log ? Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) : low + u * (high - low);
        if (step > 0) {
            v = low + Math.round((v - low) / step) * step;
            v = Math.min(v, high);
        }
        return Math.min(high, Math.max(low, v));
    }

    @Override
    public int cardinality() {
        if (step > 0) {
            return (int) Math.floor((high - low) / step + 1e-9) + 1;
        }
        return high == low ? 1 : Integer.MAX_VALUE;
    }

    @Override
    public Map<String, Object> toSpec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("float", List.of(low, high));
        if (log) {
            spec.put("log", true);
        }
        if (step > 0) {
            spec.put("step", step);
        }
        return spec;
    }
}
