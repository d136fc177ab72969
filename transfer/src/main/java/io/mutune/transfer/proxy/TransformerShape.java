package io.mutune.transfer.proxy;

import java.io.Serializable;

/**
 * Shape of the decoder-only transformer proxy.
 *
 * @param width    model dimension d
 * @param depth    transformer blocks (attention + MLP each)
 * @param heads    attention heads; head dimension is width / heads
 * @param context  tokens per sequence
 * @param vocab    vocabulary size
 * @param mlp      the blocks' MLP: {@code gelu} (width 4d) or {@code swiglu} (gate and up projections of width
 *                 round(8d/3), so the parameter count stays that of the GELU MLP, as in LLaMA)
 */
public record TransformerShape(int width, int depth, int heads, int context, int vocab, String mlp) implements Serializable {
    public TransformerShape {
        if (!"gelu".equals(mlp) && !"swiglu".equals(mlp)) {
            throw new IllegalArgumentException("proxy.activation: unknown '" + mlp + "' for the transformer; expected gelu or swiglu");
        }
        if (width < 1 || depth < 1 || heads < 1 || context < 1 || vocab < 2) {
            throw new IllegalArgumentException("transformer needs width, depth, heads, context >= 1 and vocab >= 2, got width="
                    + width + " depth=" + depth + " heads=" + heads + " context=" + context + " vocab=" + vocab);
        }
        if (width % heads != 0) {
            throw new IllegalArgumentException("transformer heads " + heads + " do not divide width " + width);
        }
    }

    public int headDim() {
        return width / heads;
    }

    /** Width of the MLP's hidden layer. */
    public int mlpWidth() {
        return mlp.equals("swiglu") ? (int) Math.round(8.0 * width / 3) : 4 * width;
    }
}
