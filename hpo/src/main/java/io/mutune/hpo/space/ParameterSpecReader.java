package io.mutune.hpo.space;

import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads one entry of {@code search.space} (as Jackson parses YAML or JSON) into a {@link Parameter}. */
final class ParameterSpecReader {
    private static final Set<String> KINDS = Set.of("float", "int", "categorical", "fixed");
    private static final Set<String> KEYS = Set.of("float", "int", "categorical", "fixed", "log", "step", "when");
    private static final String ANY_FORM =
            "{float: [low, high]}, {int: [low, high]}, {categorical: [a, b]} or {fixed: value}, optionally with log, step, when";

    private ParameterSpecReader() { }

    static Parameter read(String name, Object entry) {
        if (!(entry instanceof Map<?, ?> raw)) {
            throw SpaceSpecException.of(name, "is " + entry + ", not a map", ANY_FORM);
        }
        for (Object key : raw.keySet()) {
            if (!KEYS.contains(String.valueOf(key))) {
                throw SpaceSpecException.of(name, "unknown key '" + key + "'", ANY_FORM);
            }
        }
        List<String> kinds = raw.keySet().stream().map(String::valueOf).filter(KINDS::contains).toList();
        if (kinds.size() != 1) {
            throw SpaceSpecException.of(name, "needs exactly one of float, int, categorical, fixed, got " + kinds, ANY_FORM);
        }
        String kind = kinds.get(0);
        Condition condition = readCondition(name, raw.get("when"));
        boolean log = readBoolean(name, raw.get("log"));
        Object step = raw.get("step");
        return switch (kind) {
            case "fixed" -> {
                if (log || step != null) {
                    throw SpaceSpecException.of(name, "log and step do not apply to a fixed value", "{fixed: value}");
                }
                yield new FixedParameter(name, raw.get("fixed"), condition);
            }
            case "float" -> {
                double[] b = readBounds(name, raw.get("float"), "{float: [low, high]}");
                double s = step == null ? 0 : readNumber(name, step, "step").doubleValue();
                yield new FloatParameter(name, b[0], b[1], log, s, condition);
            }
            case "int" -> {
                double[] b = readBounds(name, raw.get("int"), "{int: [low, high]}");
                if (b[0] != Math.rint(b[0]) || b[1] != Math.rint(b[1])) {
                    throw SpaceSpecException.of(name, "bounds must be integers, got [" + b[0] + ", " + b[1] + "]", "{int: [low, high]}");
                }
                long s = step == null ? 1 : readNumber(name, step, "step").longValue();
                yield new IntParameter(name, (long) b[0], (long) b[1], log, s, condition);
            }
            default -> {
                if (log || step != null) {
                    throw SpaceSpecException.of(name, "log and step do not apply to a categorical", "{categorical: [a, b, ...]}");
                }
                Object choices = raw.get("categorical");
                if (!(choices instanceof List<?> list)) {
                    throw SpaceSpecException.of(name, "choices are " + choices + ", not a list", "{categorical: [a, b, ...]}");
                }
                yield new CategoricalParameter(name, new java.util.ArrayList<Object>(list), condition);
            }
        };
    }

    private static double[] readBounds(String name, Object bounds, String form) {
        if (!(bounds instanceof List<?> list) || list.size() != 2) {
            throw SpaceSpecException.of(name, "bounds are " + bounds + ", not a list of two numbers", form);
        }
        return new double[] {readNumber(name, list.get(0), "low").doubleValue(), readNumber(name, list.get(1), "high").doubleValue()};
    }

    private static Number readNumber(String name, Object v, String what) {
        if (v instanceof Number n) {
            return n;
        }
        if (v instanceof String s) {
            try {
                return Double.parseDouble(s.trim()); // YAML 1.1 reads 1e-4 (no dot) as a string
            } catch (NumberFormatException e) {
                // fall through to the error below
            }
        }
        throw SpaceSpecException.of(name, what + " is " + v + ", not a number", "a number such as 1.0e-4");
    }

    private static boolean readBoolean(String name, Object v) {
        if (v == null) {
            return false;
        }
        if (v instanceof Boolean b) {
            return b;
        }
        throw SpaceSpecException.of(name, "log is " + v + ", not a boolean", "log: true");
    }

    private static Condition readCondition(String name, Object when) {
        if (when == null) {
            return null;
        }
        if (!(when instanceof Map<?, ?> m) || m.size() != 1) {
            throw SpaceSpecException.of(name, "when is " + when + ", not a single parent", "when: {parent: value} or when: {parent: [v1, v2]}");
        }
        Map.Entry<?, ?> e = m.entrySet().iterator().next();
        Object v = e.getValue();
        List<Object> values = v instanceof List<?> l ? new java.util.ArrayList<Object>(l) : java.util.Collections.singletonList(v);
        if (values.isEmpty()) {
            throw SpaceSpecException.of(name, "when lists no parent value", "when: {parent: value}");
        }
        return new Condition(String.valueOf(e.getKey()), values.stream().map(Values::normalise).toList());
    }
}
