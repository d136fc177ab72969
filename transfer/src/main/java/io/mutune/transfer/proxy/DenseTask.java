package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mutune.transfer.data.DenseBatch;
import io.mutune.transfer.data.DenseSource;

/** The MLP's examples (teacher or Parquet) as NDArrays. */
final class DenseTask implements ProxyTask {
    private final DenseSource source;
    private final int batchSize;
    private final DenseBatch validation;

    DenseTask(DenseSource source, int batchSize, int validationSize) {
        this.source = source;
        this.batchSize = batchSize;
        this.validation = source.validation(validationSize);
    }

    @Override
    public NDArray[] trainBatch(NDManager manager, long seed, long step) {
        return toArrays(manager, source.trainBatch(seed, step, batchSize));
    }

    @Override
    public NDArray[] validation(NDManager manager) {
        return toArrays(manager, validation);
    }

    @Override
    public long unitsPerStep() {
        return batchSize;
    }

    private static NDArray[] toArrays(NDManager m, DenseBatch b) {
        return new NDArray[] {
            m.create(b.x(), new Shape(b.rows(), b.inputs())),
            m.create(b.y(), new Shape(b.rows(), b.targets()))};
    }
}
