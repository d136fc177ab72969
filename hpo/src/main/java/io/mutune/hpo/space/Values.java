package io.mutune.hpo.space;

/** Value normalisation shared by the parameter kinds: YAML and JSON give several number types. */
final class Values {
    private Values() { }

    /** Integer to Long and Float to Double, so a value read from YAML equals one read from JSON. */
    static Object normalise(Object v) {
        if (v instanceof Integer i) {
            return Long.valueOf(i);
        }
        if (v instanceof Short s) {
            return Long.valueOf(s);
        }
        if (v instanceof Float f) {
            return Double.valueOf(f);
        }
        return v;
    }

    /** Equality that treats 1, 1L and 1.0 as the same choice. */
    static boolean same(Object a, Object b) {
        if (a instanceof Number x && b instanceof Number y) {
            return x.doubleValue() == y.doubleValue();
        }
        return a != null && a.equals(b);
    }
}
