package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Where a proxy's data comes from. Batch {@code step} of a trial depends only on (seed, step),
 * which is what lets a resumed trial see exactly the batches an uninterrupted one would.
 */
public interface ProxyTask {

    /** {inputs, targets} for training step {@code step}. */
    NDArray[] trainBatch(NDManager manager, long seed, long step);

    /** {inputs, targets} of the held-out set, the same for every trial. */
    NDArray[] validation(NDManager manager);

    /** What one step consumes in the unit the spec may count resources in (samples or tokens). */
    long unitsPerStep();
}
