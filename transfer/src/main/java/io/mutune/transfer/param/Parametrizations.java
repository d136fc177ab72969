package io.mutune.transfer.param;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The built-in parametrizations and a registry for user ones.
 *
 * <p>Exponents (m = width multiplier; see {@link RoleExponents}):
 * <pre>
 *              SP            muP (Adam)             muP (SGD)
 *   input   init 0 lr 0   init 0 lr 0              init 0 lr +1
 *   hidden  init -½ lr 0  init -½ lr -1            init -½ lr 0
 *   output  init -½ lr 0  init 0 lr 0 forward -1   init 0 lr +1 forward -1
 *   bias    lr 0          lr 0                     lr +1
 *   norm    lr 0          lr 0                     lr +1
 * </pre>
 * muP is Tensor Programs V (Yang, Hu et al., 2022), Table 3, in the form microsoft/mup implements
 * it: the readout multiplies its input by 1/m ({@code MuReadout}) with its weight's init kept at
 * the base scale, and vector-like tensors take SGD learning rate lr·m ({@code MuSGD}).
 *
 * <p>Depth: depth-muP (α = 1/2, Yang et al. 2023, "Tensor Programs VI"; Bordelon et al. 2023)
 * and CompleteP (α = 1, Dey et al. 2025) multiply each residual branch by m_L^-α on top of muP.
 * Tensors inside a branch then take learning rate × m_L^(α-1) under Adam, and × m_L^(2α-1)
 * under SGD: a branch's update moves the residual stream by m_L^-α · Δ, and Δ is
 * Θ(lr) for Adam but Θ(lr · m_L^-α) for SGD; both must total Θ(1/m_L) per block so the
 * L blocks together move it by Θ(1).
 */
public final class Parametrizations {
    private static final Map<String, Supplier<Parametrization>> REGISTRY = new ConcurrentHashMap<>();

    static {
        REGISTRY.put("sp", Parametrizations::sp);
        REGISTRY.put("mup", Parametrizations::mup);
        REGISTRY.put("depth-mup", () -> depthMup("depth-mup", 0.5));
        REGISTRY.put("completep", () -> depthMup("completep", 1.0));
    }

    private Parametrizations() {
    }

    /** Standard parametrization: fan-in init everywhere, one learning rate, no multipliers. */
    public static Parametrization sp() {
        Map<Role, RoleExponents> roles = new EnumMap<>(Role.class);
        roles.put(Role.INPUT, e(0, 0, 0, 0));
        roles.put(Role.HIDDEN, e(-0.5, 0, 0, 0));
        roles.put(Role.OUTPUT, e(-0.5, 0, 0, 0));
        roles.put(Role.BIAS, e(0, 0, 0, 0));
        roles.put(Role.NORM, e(0, 0, 0, 0));
        return new ExponentParametrization("sp", 0, 0.5, Map.of(OptimizerFamily.ADAM, roles, OptimizerFamily.SGD, roles));
    }

    /** muP for Adam and SGD (Tensor Programs V). */
    public static Parametrization mup() {
        return new ExponentParametrization("mup", 0, 1.0, mupTable(0, 0));
    }

    /** muP plus residual branches scaled by m_L^-alpha, with the matching learning-rate depth rule. */
    public static Parametrization depthMup(String name, double alpha) {
        return new ExponentParametrization(name, alpha, 1.0, mupTable(alpha - 1, 2 * alpha - 1));
    }

    private static Map<OptimizerFamily, Map<Role, RoleExponents>> mupTable(double adamDepth, double sgdDepth) {
        Map<Role, RoleExponents> adam = new EnumMap<>(Role.class);
        adam.put(Role.INPUT, e(0, 0, 0, 0));
        adam.put(Role.HIDDEN, e(-0.5, -1, 0, adamDepth));
        adam.put(Role.OUTPUT, e(0, 0, -1, 0));
        adam.put(Role.BIAS, e(0, 0, 0, adamDepth));
        adam.put(Role.NORM, e(0, 0, 0, adamDepth));
        Map<Role, RoleExponents> sgd = new EnumMap<>(Role.class);
        sgd.put(Role.INPUT, e(0, 1, 0, 0));
        sgd.put(Role.HIDDEN, e(-0.5, 0, 0, sgdDepth));
        sgd.put(Role.OUTPUT, e(0, 1, -1, 0));
        sgd.put(Role.BIAS, e(0, 1, 0, sgdDepth));
        sgd.put(Role.NORM, e(0, 1, 0, sgdDepth));
        return Map.of(OptimizerFamily.ADAM, adam, OptimizerFamily.SGD, sgd);
    }

    private static RoleExponents e(double init, double lr, double forward, double lrDepth) {
        return new RoleExponents(init, lr, forward, lrDepth);
    }

    /** Makes {@code name} available to specs; a built-in name cannot be replaced. */
    public static void register(String name, Supplier<Parametrization> factory) {
        String key = name.toLowerCase(Locale.ROOT);
        if (List.of("sp", "mup", "depth-mup", "completep").contains(key)) {
            throw new IllegalArgumentException("parametrization '" + name + "' is built in and cannot be replaced");
        }
        REGISTRY.put(key, factory);
    }

    /** The names a spec may use. */
    public static List<String> names() {
        return List.copyOf(new TreeMap<>(REGISTRY).keySet());
    }

    /**
     * Reads the spec's {@code parametrization:} value: a registered name ({@code mup}), a class
     * name implementing {@link Parametrization} with a public no-argument constructor, or a map
     * of exponents (see {@link CustomParametrizationSpec}).
     */
    public static Parametrization fromSpec(String field, Object value) {
        if (value instanceof Map<?, ?> m) {
            return CustomParametrizationSpec.parse(field, m);
        }
        if (!(value instanceof String s) || s.isBlank()) {
            throw new IllegalArgumentException(field + ": expected a name or a map of exponents, got '" + value + "'");
        }
        Supplier<Parametrization> f = REGISTRY.get(s.toLowerCase(Locale.ROOT));
        if (f != null) {
            return f.get();
        }
        if (s.contains(".")) {
            return instantiate(field, s);
        }
        throw new IllegalArgumentException(field + ": unknown '" + s + "'; expected one of " + String.join(", ", names())
                + ", a class name, or a map of per-role exponents");
    }

    private static Parametrization instantiate(String field, String className) {
        try {
            Object o = Class.forName(className).getDeclaredConstructor().newInstance();
            if (o instanceof Parametrization p) {
                return p;
            }
            throw new IllegalArgumentException(field + ": class '" + className + "' does not implement " + Parametrization.class.getName());
        } catch (ReflectiveOperationException e) {
            throw new IllegalArgumentException(field + ": cannot instantiate class '" + className + "': " + e, e);
        }
    }
}
