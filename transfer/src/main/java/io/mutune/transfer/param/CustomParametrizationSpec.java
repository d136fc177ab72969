package io.mutune.transfer.param;

import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Reads a user parametrization written as exponents in the spec:
 * <pre>
 * parametrization:
 *   name: my-rule          # optional, default "custom"
 *   extends: mup           # optional: start from a built-in exponent table
 *   alpha: 0.5             # residual-branch exponent
 *   attention: 1.0         # attention-logit exponent
 *   adam: {hidden: {init: -0.5, lr: -1}, output: {forward: -1}}
 *   sgd:  {input: {lr: 1}}
 * </pre>
 * Roles not given keep the exponents of {@code extends} (SP if absent).
 */
final class CustomParametrizationSpec {
    private static final Set<String> KEYS = Set.of("name", "extends", "alpha", "attention", "adam", "sgd");

    private CustomParametrizationSpec() {
    }

    static Parametrization parse(String field, Map<?, ?> spec) {
        for (Object k : spec.keySet()) {
            if (!KEYS.contains(String.valueOf(k))) {
                throw new IllegalArgumentException(field + ": unknown key '" + k + "'; expected one of " + KEYS);
            }
        }
        Object baseName = spec.containsKey("extends") ? spec.get("extends") : "sp";
        Parametrization base = Parametrizations.fromSpec(field + ".extends", baseName);
        if (!(base instanceof ExponentParametrization eb)) {
            throw new IllegalArgumentException(field + ".extends: '" + baseName + "' is not an exponent table");
        }
        String name = spec.containsKey("name") ? String.valueOf(spec.get("name")) : "custom";
        double alpha = number(field + ".alpha", spec.get("alpha"), eb.alpha());
        double attention = number(field + ".attention", spec.get("attention"),
                baseAttentionExponent(eb));
        Map<OptimizerFamily, Map<Role, RoleExponents>> table = new EnumMap<>(OptimizerFamily.class);
        for (OptimizerFamily f : OptimizerFamily.values()) {
            Map<Role, RoleExponents> roles = new EnumMap<>(Role.class);
            for (Role r : Role.values()) {
                roles.put(r, eb.exponents(f, r));
            }
            String key = f.name().toLowerCase();
            Object given = spec.get(key);
            if (given != null) {
                if (!(given instanceof Map<?, ?> gm)) {
                    throw new IllegalArgumentException(field + "." + key + ": expected a map of roles, got '" + given + "'");
                }
                gm.forEach((rk, rv) -> {
                    String rf = field + "." + key + "." + rk;
                    Role role = Role.parse(rf, String.valueOf(rk));
                    if (!(rv instanceof Map<?, ?> rm)) {
                        throw new IllegalArgumentException(rf + ": expected {init, lr, forward, lr_depth}, got '" + rv + "'");
                    }
                    roles.put(role, RoleExponents.fromSpec(rf, rm));
                });
            }
            table.put(f, roles);
        }
        return new ExponentParametrization(name, alpha, attention, table);
    }

    /** Recovers the attention exponent from the base rule: scale(d=4·d0) = scale(d0)·4^-a. */
    private static double baseAttentionExponent(ExponentParametrization p) {
        return -Math.log(p.attentionScale(4, 1) / p.attentionScale(1, 1)) / Math.log(4);
    }

    private static double number(String field, Object v, double fallback) {
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(field + ": expected a number, got '" + v + "'");
    }
}
