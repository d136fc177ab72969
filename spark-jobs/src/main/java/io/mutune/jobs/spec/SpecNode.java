package io.mutune.jobs.spec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A typed view of one map in a parsed YAML/JSON document that knows its own path, so every
 * accessor can fail with a message naming the exact field and the form it expected.
 */
final class SpecNode {
    private final String path;
    private final Map<String, Object> map;

    SpecNode(String path, Map<String, Object> map) {
        this.path = path;
        this.map = map;
    }

    static SpecNode of(String path, Object value) {
        if (!(value instanceof Map<?, ?> m)) {
            throw new SpecException(path.isEmpty() ? "(spec)" : path,
                    "expected a mapping of fields, got " + describe(value));
        }
        Map<String, Object> copy = new LinkedHashMap<>();
        m.forEach((k, v) -> copy.put(String.valueOf(k), v));
        return new SpecNode(path, copy);
    }

    String field(String name) {
        return path.isEmpty() ? name : path + "." + name;
    }

    boolean has(String name) {
        return map.get(name) != null;
    }

    Map<String, Object> raw() {
        return map;
    }

    /** Fails on keys the spec format does not know, which are almost always typos. */
    void allowOnly(Set<String> known) {
        for (String key : map.keySet()) {
            if (!known.contains(key)) {
                throw new SpecException(field(key), "unknown field; expected one of " + new java.util.TreeSet<>(known));
            }
        }
    }

    Object required(String name, String expected) {
        Object v = map.get(name);
        if (v == null) {
            throw new SpecException(field(name), "is missing; expected " + expected);
        }
        return v;
    }

    SpecNode node(String name) {
        return of(field(name), required(name, "a mapping of fields"));
    }

    SpecNode optionalNode(String name) {
        return has(name) ? node(name) : new SpecNode(field(name), Map.of());
    }

    String string(String name) {
        Object v = required(name, "a string");
        if (v instanceof Map || v instanceof List) {
            throw new SpecException(field(name), "expected a string, got " + describe(v));
        }
        return String.valueOf(v);
    }

    String string(String name, String fallback) {
        return has(name) ? string(name) : fallback;
    }

    String choice(String name, String fallback, Set<String> allowed) {
        String v = string(name, fallback);
        if (!allowed.contains(v)) {
            throw new SpecException(field(name), "unknown value '" + v + "'; expected one of " + new java.util.TreeSet<>(allowed));
        }
        return v;
    }

    long integer(String name) {
        return toLong(field(name), required(name, "an integer"));
    }

    long integer(String name, long fallback) {
        return has(name) ? integer(name) : fallback;
    }

    long positiveInteger(String name, long fallback) {
        long v = integer(name, fallback);
        if (v <= 0) {
            throw new SpecException(field(name), "expected a positive integer, got " + v);
        }
        return v;
    }

    double number(String name, double fallback) {
        return has(name) ? toDouble(field(name), map.get(name)) : fallback;
    }

    List<Double> positiveNumbers(String name) {
        Object v = required(name, "a list of positive numbers");
        if (!(v instanceof List<?> list) || list.isEmpty()) {
            throw new SpecException(field(name), "expected a non-empty list of positive numbers, got " + describe(v));
        }
        List<Double> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String at = field(name) + "[" + i + "]";
            double d = toDouble(at, list.get(i));
            if (!(d > 0) || Double.isInfinite(d)) {
                throw new SpecException(at, "expected a positive number, got " + list.get(i));
            }
            out.add(d);
        }
        return out;
    }

    List<Object> list(String name) {
        Object v = required(name, "a list");
        if (!(v instanceof List<?> l)) {
            throw new SpecException(field(name), "expected a list, got " + describe(v));
        }
        return new ArrayList<>(l);
    }

    static long toLong(String field, Object v) {
        if (v instanceof Integer || v instanceof Long || v instanceof Short) {
            return ((Number) v).longValue();
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue()) && !Double.isInfinite(n.doubleValue())) {
            return n.longValue();
        }
        if (v instanceof String s) {
            try {
                return Long.parseLong(s.trim());
            } catch (NumberFormatException ignored) {
                // fall through to the message below
            }
        }
        throw new SpecException(field, "expected an integer, got " + describe(v));
    }

    static double toDouble(String field, Object v) {
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim());
            } catch (NumberFormatException ignored) {
                // fall through to the message below
            }
        }
        throw new SpecException(field, "expected a number, got " + describe(v));
    }

    static String describe(Object v) {
        if (v == null) {
            return "nothing";
        }
        if (v instanceof Map) {
            return "a mapping " + v;
        }
        if (v instanceof List) {
            return "a list " + v;
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        return String.valueOf(v);
    }
}
