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
 */
public record TransformerShape(int width, int depth, int heads, int context, int vocab) implements Serializable {
    public TransformerShape {
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
}
