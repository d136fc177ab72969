package io.mutune.hpo.space;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A choice among unordered values (strings, booleans or numbers). Choice {@code i} of {@code k}
 * owns the cell {@code [i/k, (i+1)/k)} of the unit interval; model-based searchers that need an
 * unordered treatment (one-hot, a categorical kernel) use {@link #indexOf}.
 */
public record CategoricalParameter(String name, List<Object> choices, Condition condition) implements Parameter {

    private static final String FORM = "{categorical: [a, b, ...]} with at least one choice and no repeats";

    public CategoricalParameter {
        if (choices == null || choices.isEmpty()) {
            throw SpaceSpecException.of(name, "has no choices", FORM);
        }
        List<Object> normalised = new ArrayList<>();
        for (Object c : choices) {
            if (c == null || c instanceof Map || c instanceof List) {
                throw SpaceSpecException.of(name, "choice " + c + " is not a scalar", FORM);
            }
            Object n = Values.normalise(c);
            for (Object seen : normalised) {
                if (Values.same(seen, n)) {
                    throw SpaceSpecException.of(name, "choice " + c + " is repeated", FORM);
                }
            }
            normalised.add(n);
        }
        choices = List.copyOf(normalised);
    }

    /** The index of {@code value} among the choices; fails with the value when it is not one. */
    public int indexOf(Object value) {
        for (int i = 0; i < choices.size(); i++) {
            if (Values.same(choices.get(i), value)) {
                return i;
            }
        }
        throw new IllegalArgumentException(name + " = " + value + " is not one of " + choices);
    }

    @Override
    public double encode(Object value) {
        return (indexOf(value) + 0.5) / choices.size();
    }

    @Override
    public Object decode(double u) {
        int i = (int) Math.min(choices.size() - 1, Math.floor(Parameter.clamp01(u) * choices.size()));
        return choices.get(i);
    }

    @Override
    public int cardinality() {
        return choices.size();
    }

    @Override
    public Map<String, Object> toSpec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("categorical", choices);
        return spec;
    }
}
