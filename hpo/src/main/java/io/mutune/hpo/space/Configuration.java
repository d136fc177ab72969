package io.mutune.hpo.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One point of a search space: hyperparameter name to value (Double, Long or a categorical
 * choice as String, Boolean or number). Immutable, serialisable, and ordered as the space
 * declares its parameters, so its JSON is stable and can key a journal row.
 */
public final class Configuration implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final LinkedHashMap<String, Object> values;

    public Configuration(Map<String, ?> values) {
        Objects.requireNonNull(values, "values");
        this.values = new LinkedHashMap<>(values);
        this.values.forEach((k, v) -> {
            if (v == null) {
                throw new IllegalArgumentException("configuration value of '" + k + "' is null");
            }
        });
    }

    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public boolean has(String name) {
        return values.containsKey(name);
    }

    public Object get(String name) {
        Object v = values.get(name);
        if (v == null) {
            throw new IllegalArgumentException("configuration has no hyperparameter '" + name + "'; it has " + values.keySet());
        }
        return v;
    }

    public double getDouble(String name) {
        Object v = get(name);
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("hyperparameter '" + name + "' is " + v + ", not a number");
    }

    /** The value of {@code name}, or {@code fallback} when the configuration does not set it. */
    public double getDouble(String name, double fallback) {
        return has(name) ? getDouble(name) : fallback;
    }

    public long getLong(String name) {
        return Math.round(getDouble(name));
    }

    public String getString(String name) {
        return String.valueOf(get(name));
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("configuration cannot be written as JSON: " + values, e);
        }
    }

    public static Configuration fromJson(String json) {
        try {
            Map<String, Object> m = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
            Map<String, Object> normalised = new LinkedHashMap<>();
            // JSON has one number type; integers come back as Integer, keep them as Long.
            m.forEach((k, v) -> normalised.put(k, v instanceof Integer i ? Long.valueOf(i) : v));
            return new Configuration(normalised);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a configuration JSON object: " + json, e);
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Configuration c && values.equals(c.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return toJson();
    }
}
