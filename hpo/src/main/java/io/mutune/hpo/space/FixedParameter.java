package io.mutune.hpo.space;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A hyperparameter pinned to one value ({@code {fixed: 0.1}}): every trial gets it, no searcher
 * moves it, and the recommendation reports it as fixed rather than as an optimum found on the edge
 * of a one-point range. Lets a validation or a staged sweep pin what an earlier one chose.
 */
public record FixedParameter(String name, Object value, Condition condition) implements Parameter {

    public FixedParameter {
        if (value == null || value instanceof Map || value instanceof java.util.List) {
            throw SpaceSpecException.of(name, "fixed value " + value + " is not a scalar", "{fixed: value}");
        }
        value = Values.normalise(value);
    }

    @Override
    public double encode(Object v) {
        if (!Values.same(value, Values.normalise(v))) {
            throw new IllegalArgumentException(name + " = " + v + " but it is fixed at " + value);
        }
        return 0.5;
    }

    @Override
    public Object decode(double u) {
        Parameter.clamp01(u);
        return value;
    }

    @Override
    public int cardinality() {
        return 1;
    }

    @Override
    public Map<String, Object> toSpec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("fixed", value);
        return spec;
    }
}
