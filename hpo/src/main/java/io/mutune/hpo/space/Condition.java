package io.mutune.hpo.space;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * A parameter exists only when its parent takes one of the given values
 * ({@code when: {opt: adamw}} or {@code when: {opt: [adamw, sgd]}}).
 *
 * @param parent the parent parameter's name
 * @param values the parent values under which the child is active; never empty
 */
public record Condition(String parent, List<Object> values) implements Serializable {

    public Condition {
        if (parent == null || parent.isBlank()) {
            throw new IllegalArgumentException("condition parent must be a parameter name, got '" + parent + "'");
        }
        if (values == null || values.isEmpty()) {
            throw new IllegalArgumentException("condition on '" + parent + "' needs at least one value, got " + values);
        }
        values = List.copyOf(values);
    }

    /** True when the parent's value (already chosen in {@code partial}) is one of {@link #values}. */
    public boolean holds(Map<String, Object> partial) {
        Object v = partial.get(parent);
        if (v == null) {
            return false;
        }
        for (Object allowed : values) {
            if (Values.same(allowed, v)) {
                return true;
            }
        }
        return false;
    }

    /** The spec form: {@code {parent: value}} or {@code {parent: [v1, v2]}}. */
    public Map<String, Object> toSpec() {
        return Map.of(parent, values.size() == 1 ? values.get(0) : values);
    }
}
