package io.mutune.transfer.param;

import java.io.Serializable;

/**
 * A rule that says how every tensor of a network scales with width and depth: initialisation,
 * per-tensor learning rate, forward multipliers, the residual-branch multiplier and the attention
 * logit scale. At the base shape every rule here reduces to standard parametrization, so a
 * configuration tuned at the base means the same thing under all of them.
 *
 * <p>Implementations must be immutable and serialisable (they travel to Spark executors and are
 * written into checkpoints by {@link #name()} and {@link #describe()}). Register a new one with
 * {@link Parametrizations#register}.
 */
public interface Parametrization extends Serializable {

    /** The name the spec uses, e.g. {@code mup}. */
    String name();

    /** Init, learning-rate, forward and weight-decay multipliers for one tensor. */
    TensorScaling scale(TensorPlacement tensor);

    /** Multiplier on each residual branch: {@code (depth / baseDepth)^-alpha}. */
    double residualMultiplier(double depthMult);

    /** The factor on attention logits q·k for a head dimension (1/sqrt(d) under SP, ∝ 1/d under muP). */
    double attentionScale(int headDim, int baseHeadDim);

    /**
     * Multiplier on Adam's epsilon for a model at these width and depth multipliers. 1 by default, as
     * microsoft/mup leaves it; the depth rules override it, because once per-tensor updates shrink
     * with width and depth a fixed epsilon starts to dominate the second-moment denominator.
     */
    default double adamEpsilonMultiplier(double widthMult, double depthMult) {
        return 1.0;
    }

    /** A stable, human-readable account of the rule, saved in checkpoints and compared on load. */
    String describe();
}
