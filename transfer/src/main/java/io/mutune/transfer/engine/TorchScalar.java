package io.mutune.transfer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

/**
 * A scalar multiplier as a 0-d tensor whose memory PyTorch owns, for use in recorded (autograd)
 * code instead of {@code x.mul(2f)}.
 *
 * <p>Why: DJL turns {@code x.mul(2f)} into a 0-d tensor over a Java direct buffer, multiplies, and
 * closes it at once. Autograd keeps that tensor for the backward pass (d(x·c)/dx needs c), so a
 * garbage collection between forward and backward frees memory that backward then reads: the
 * gradients, and with them the trial's losses, silently depend on GC timing. A clone lives in
 * PyTorch's allocator and is reference-counted by the autograd graph like any other tensor.
 */
public final class TorchScalar {
    private TorchScalar() {
    }

    /** A 0-d float tensor holding {@code value}, owned by {@code manager} (not by any open NDScope). */
    public static NDArray of(NDManager manager, float value) {
        try (NDArray javaBacked = manager.create(value)) {
            NDArray owned = javaBacked.duplicate();
            NDScope.unregister(owned);
            return owned;
        }
    }
}
