package io.mutune.transfer.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Thread-local gradient recording on the PyTorch engine.
 *
 * <p>Why not DJL's {@code GradientCollector}: on PyTorch it allows one collector per JVM (a static
 * flag) and its {@code zeroGradients} walks every array of the engine's system manager. A Spark
 * executor runs several trial tasks as threads of one JVM, so trials would block or clobber each
 * other. PyTorch's grad mode itself is thread-local; this class toggles it for the current thread
 * only and restores the previous mode on close.
 */
public final class Autograd implements AutoCloseable {
    private final boolean previous;

    private Autograd(boolean enabled) {
        this.previous = JniUtils.isGradMode();
        JniUtils.setGradMode(enabled);
    }

    /** Records operations on arrays that require gradients until closed. */
    public static Autograd record() {
        return new Autograd(true);
    }

    /** Records nothing until closed (evaluation, optimizer updates). */
    public static Autograd pause() {
        return new Autograd(false);
    }

    /** Back-propagates a scalar loss into the gradients of the leaves that require them. */
    public void backward(NDArray loss) {
        try (NDArray seed = loss.onesLike()) {
            JniUtils.backward((PtNDArray) loss, (PtNDArray) seed, false, false);
        }
    }

    /** Resets a leaf's accumulated gradient to zero. */
    public static void zeroGrad(NDArray leaf) {
        JniUtils.zeroGrad((PtNDArray) leaf);
    }

    @Override
    public void close() {
        JniUtils.setGradMode(previous);
    }
}
