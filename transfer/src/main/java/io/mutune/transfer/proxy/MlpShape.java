package io.mutune.transfer.proxy;

import java.io.Serializable;

/**
 * Shape of the proxy MLP.
 *
 * @param inputDim  features in
 * @param width     hidden width
 * @param depth     number of hidden (width × width) layers
 * @param outputDim targets out
 * @param residual  whether hidden layers are residual blocks z ← z + r·(relu(z)·W + b), which
 *                  depth scaling (depth-muP, CompleteP) needs; otherwise a ← relu(a·W + b)
 * @param activation {@code relu}, {@code tanh}, {@code gelu} or {@code swiglu} (each layer that feeds an
 *                   activation gets a gate matrix of its own shape: a ← silu(a·G + c) ⊙ (a·W + b); Shazeer 2020)
 */
public record MlpShape(int inputDim, int width, int depth, int outputDim, boolean residual, String activation)
        implements Serializable {
    /** Whether layers are gated (SwiGLU) rather than followed by a pointwise activation. */
    public boolean gated() {
        return activation.equals("swiglu");
    }

    public MlpShape {
        if (!java.util.Set.of("relu", "tanh", "gelu", "swiglu").contains(activation)) {
            throw new IllegalArgumentException("proxy.activation: unknown '" + activation + "'; expected one of [gelu, relu, swiglu, tanh]");
        }
        if (inputDim < 1 || width < 1 || depth < 0 || outputDim < 1) {
            throw new IllegalArgumentException("mlp needs input_dim, width, output_dim >= 1 and depth >= 0, got input_dim="
                    + inputDim + " width=" + width + " depth=" + depth + " output_dim=" + outputDim);
        }
    }
}
