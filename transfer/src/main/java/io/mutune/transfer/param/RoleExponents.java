package io.mutune.transfer.param;

import java.io.Serializable;
import java.util.Map;

/**
 * Power-law exponents for one role under one optimizer family. With m the width multiplier and
 * m_L the depth multiplier, a tensor gets
 * <ul>
 *   <li>init std = (1/sqrt(base fan-in)) · (fan-in / base fan-in)^{@code init}</li>
 *   <li>learning rate = lr · m^{@code lr} · (m_L^{@code lrDepth} inside residual branches)</li>
 *   <li>forward multiplier = m^{@code forward}</li>
 * </ul>
 * At the base shape (m = m_L = 1) every exponent drops out, so all rules agree with SP there.
 */
public record RoleExponents(double init, double lr, double forward, double lrDepth) implements Serializable {

    public RoleExponents {
        for (double v : new double[] {init, lr, forward, lrDepth}) {
            if (!Double.isFinite(v)) {
                throw new IllegalArgumentException("role exponents must be finite, got init=" + init
                        + " lr=" + lr + " forward=" + forward + " lr_depth=" + lrDepth);
            }
        }
    }

    /** Reads {@code {init: -0.5, lr: -1, forward: 0, lr_depth: 0}}; absent keys are 0. */
    public static RoleExponents fromSpec(String field, Map<?, ?> m) {
        for (Object k : m.keySet()) {
            if (!java.util.Set.of("init", "lr", "forward", "lr_depth").contains(String.valueOf(k))) {
                throw new IllegalArgumentException(field + ": unknown key '" + k + "'; expected init, lr, forward, lr_depth");
            }
        }
        return new RoleExponents(num(field + ".init", m.get("init")), num(field + ".lr", m.get("lr")),
                num(field + ".forward", m.get("forward")), num(field + ".lr_depth", m.get("lr_depth")));
    }

    private static double num(String field, Object v) {
        if (v == null) {
            return 0.0;
        }
        if (v instanceof Number n) {
            return n.doubleValue();
        }
        throw new IllegalArgumentException(field + ": expected a number, got '" + v + "'");
    }

    @Override
    public String toString() {
        return "{init:" + init + ",lr:" + lr + ",forward:" + forward + ",lr_depth:" + lrDepth + "}";
    }
}
