package io.mutune.transfer.param;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * A parametrization given as per-role power-law exponents (see {@link RoleExponents}), one table
 * per optimizer family, plus a depth exponent α and an attention exponent.
 *
 * <ul>
 *   <li>Residual branches are multiplied by m_L^-α (α = 0: none; 1/2: depth-muP, Yang et al. 2023,
 *       "Tensor Programs VI"; 1: CompleteP, Dey et al. 2025).</li>
 *   <li>Attention logits are scaled by (1/sqrt(d0)) · (d/d0)^-{@code attention}, d0 the base head
 *       dimension: exponent 1/2 is the usual 1/sqrt(d); exponent 1 is muP's 1/d (TP-V §4), written
 *       so that it equals 1/sqrt(d) at the base.</li>
 *   <li>Weight decay is scaled by the inverse of the learning-rate multiplier, so the product
 *       lr · wd that shrinks a weight each step is invariant across width and depth. This is what
 *       microsoft/mup's MuAdam / MuSGD do when weight decay is coupled to the learning rate
 *       (PyTorch's AdamW, where the decay step is lr · wd · W).</li>
 * </ul>
 */
public final class ExponentParametrization implements Parametrization {
    private static final long serialVersionUID = 1L;

    private final String name;
    private final double alpha;
    private final double attentionExponent;
    private final EnumMap<OptimizerFamily, EnumMap<Role, RoleExponents>> table;

    public ExponentParametrization(String name, double alpha, double attentionExponent,
                                   Map<OptimizerFamily, Map<Role, RoleExponents>> table) {
        this.name = Objects.requireNonNull(name, "name");
        if (!Double.isFinite(alpha) || alpha < 0) {
            throw new IllegalArgumentException("parametrization " + name + ": alpha must be >= 0, got " + alpha);
        }
        if (!Double.isFinite(attentionExponent) || attentionExponent < 0) {
            throw new IllegalArgumentException("parametrization " + name + ": attention exponent must be >= 0, got " + attentionExponent);
        }
        this.alpha = alpha;
        this.attentionExponent = attentionExponent;
        this.table = new EnumMap<>(OptimizerFamily.class);
        for (OptimizerFamily f : OptimizerFamily.values()) {
            Map<Role, RoleExponents> roles = table.get(f);
            if (roles == null) {
                throw new IllegalArgumentException("parametrization " + name + ": no exponents for optimizer family " + f);
            }
            EnumMap<Role, RoleExponents> copy = new EnumMap<>(Role.class);
            for (Role r : Role.values()) {
                RoleExponents e = roles.get(r);
                if (e == null) {
                    throw new IllegalArgumentException("parametrization " + name + ": no exponents for role " + r + " under " + f);
                }
                copy.put(r, e);
            }
            this.table.put(f, copy);
        }
    }

    @Override
    public String name() {
        return name;
    }

    public double alpha() {
        return alpha;
    }

    public RoleExponents exponents(OptimizerFamily family, Role role) {
        return table.get(family).get(role);
    }

    @Override
    public TensorScaling scale(TensorPlacement t) {
        RoleExponents e = exponents(t.family(), t.role());
        double fanInRatio = (double) t.fanIn() / t.baseFanIn();
        double initStd = switch (t.role()) {
            case BIAS, NORM -> 0.0; // biases start at zero, gains at one: nothing random to scale
            default -> Math.pow(t.baseFanIn(), -0.5) * Math.pow(fanInRatio, e.init());
        };
        double lr = Math.pow(t.widthMult(), e.lr());
        if (t.inResidualBranch()) {
            lr *= Math.pow(t.depthMult(), e.lrDepth());
        }
        double forward = Math.pow(t.widthMult(), e.forward());
        return new TensorScaling(initStd, lr, forward, 1.0 / lr);
    }

    @Override
    public double residualMultiplier(double depthMult) {
        return Math.pow(depthMult, -alpha);
    }

    /**
     * CompleteP's rule (Dey et al. 2025, Table 1, and its reference implementation): with residual
     * branches scaled by L^-alpha, Adam's epsilon scales as m_N^-1 · m_L^-alpha. Plain muP (alpha = 0)
     * keeps epsilon fixed, as microsoft/mup does, so muP results stay comparable with it.
     */
    @Override
    public double adamEpsilonMultiplier(double widthMult, double depthMult) {
        return alpha > 0 ? Math.pow(widthMult, -1) * Math.pow(depthMult, -alpha) : 1.0;
    }

    @Override
    public double attentionScale(int headDim, int baseHeadDim) {
        if (headDim < 1 || baseHeadDim < 1) {
            throw new IllegalArgumentException("head dimensions must be >= 1, got " + headDim + " (base " + baseHeadDim + ")");
        }
        return Math.pow(baseHeadDim, -0.5) * Math.pow((double) headDim / baseHeadDim, -attentionExponent);
    }

    @Override
    public String describe() {
        StringBuilder b = new StringBuilder(name).append("{alpha:").append(alpha)
                .append(",attention:").append(attentionExponent);
        table.forEach((f, roles) -> roles.forEach((r, e) ->
                b.append(',').append(f.name().toLowerCase()).append('.').append(r.name().toLowerCase()).append(':').append(e)));
        return b.append('}').toString();
    }

    @Override
    public String toString() {
        return describe();
    }
}
