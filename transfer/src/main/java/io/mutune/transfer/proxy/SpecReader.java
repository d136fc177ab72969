package io.mutune.transfer.proxy;

import java.util.Map;
import java.util.Set;

/** Typed reads from the spec's YAML maps, with errors that name the field and the bad value. */
final class SpecReader {
    private final String prefix;
    private final Map<String, Object> map;

    SpecReader(String prefix, Map<String, Object> map, Set<String> allowed) {
        this.prefix = prefix;
        this.map = map == null ? Map.of() : map;
        for (String k : this.map.keySet()) {
            if (!allowed.contains(k)) {
                throw new IllegalArgumentException(prefix + ": unknown key '" + k + "'; expected one of " + new java.util.TreeSet<>(allowed));
            }
        }
    }

    String field(String key) {
        return prefix + "." + key;
    }

    boolean has(String key) {
        return map.get(key) != null;
    }

    Object raw(String key) {
        return map.get(key);
    }

    String string(String key, String fallback) {
        Object v = map.get(key);
        return v == null ? fallback : String.valueOf(v);
    }

    String choice(String key, String fallback, Set<String> options) {
        String v = string(key, fallback);
        if (v == null) {
            throw new IllegalArgumentException(field(key) + ": required; expected one of " + new java.util.TreeSet<>(options));
        }
        if (!options.contains(v.toLowerCase(java.util.Locale.ROOT))) {
            throw new IllegalArgumentException(field(key) + ": unknown '" + v + "'; expected one of " + new java.util.TreeSet<>(options));
        }
        return v.toLowerCase(java.util.Locale.ROOT);
    }

    double number(String key, double fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && Double.isFinite(n.doubleValue())) {
            return n.doubleValue();
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s);
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw new IllegalArgumentException(field(key) + ": expected a number, got '" + v + "'");
    }

    int positiveInt(String key, int fallback) {
        double d = number(key, fallback);
        if (d < 1 || d != Math.rint(d) || d > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(field(key) + ": expected a positive integer, got '" + map.get(key) + "'");
        }
        return (int) d;
    }

    boolean bool(String key, boolean fallback) {
        Object v = map.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        if ("true".equalsIgnoreCase(String.valueOf(v)) || "false".equalsIgnoreCase(String.valueOf(v))) {
            return Boolean.parseBoolean(String.valueOf(v));
        }
        throw new IllegalArgumentException(field(key) + ": expected true or false, got '" + v + "'");
    }

    @SuppressWarnings("unchecked")
    SpecReader child(String key, Set<String> allowed) {
        Object v = map.get(key);
        if (v != null && !(v instanceof Map)) {
            throw new IllegalArgumentException(field(key) + ": expected a map, got '" + v + "'");
        }
        return new SpecReader(field(key), (Map<String, Object>) v, allowed);
    }
}
