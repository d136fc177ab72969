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
 */
public record MlpShape(int inputDim, int width, int depth, int outputDim, boolean residual) implements Serializable {
    public MlpShape {
        if (inputDim < 1 || width < 1 || depth < 0 || outputDim < 1) {
            throw new IllegalArgumentException("mlp needs input_dim, width, output_dim >= 1 and depth >= 0, got input_dim="
                    + inputDim + " width=" + width + " depth=" + depth + " output_dim=" + outputDim);
        }
    }
}
