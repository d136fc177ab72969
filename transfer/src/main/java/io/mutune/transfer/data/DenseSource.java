package io.mutune.transfer.data;

/** Feature/target examples for the MLP proxy: unlimited training batches and a fixed held-out set. */
public interface DenseSource {

    int inputDim();

    int outputDim();

    /** Training batch {@code step} of a trial with {@code seed}. */
    DenseBatch trainBatch(long seed, long step, int rows);

    /** The held-out set (at most {@code rows} examples), the same for every trial. */
    DenseBatch validation(int rows);

    /** How many distinct training examples there are; {@link Long#MAX_VALUE} for a generator. */
    default long trainingExamples() {
        return Long.MAX_VALUE;
    }
}
