package io.mutune.hpo.searcher;

import java.util.Map;

/** Reads typed searcher options from the spec map, naming the option when a value is wrong. */
public final class Options {
    private Options() { }

    public static int intOf(Map<String, Object> o, String key, int fallback) {
        Object v = o == null ? null : o.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw new IllegalArgumentException("search option '" + key + "' must be an integer, got " + v);
    }

    public static double doubleOf(Map<String, Object> o, String key, double fallback) {
        Object v = o == null ? null : o.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException("search option '" + key + "' must be a number, got " + v);
    }

    public static boolean boolOf(Map<String, Object> o, String key, boolean fallback) {
        Object v = o == null ? null : o.get(key);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw new IllegalArgumentException("search option '" + key + "' must be true or false, got " + v);
    }
}
