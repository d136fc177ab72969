package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.mutune.transfer.data.HmmLanguage;
import io.mutune.transfer.data.TokenSource;

/**
 * Next-token prediction on a token source (the synthetic HMM language or a Parquet token column), as one-hot arrays [batch, context, vocab]
 * of inputs (tokens 0..T-1) and targets (tokens 1..T). One-hot inputs make the embedding an
 * ordinary matrix product, so its gradient needs no special scatter op.
 */
final class LanguageTask implements ProxyTask {
    private final TokenSource language;
    private final int batchSize;
    private final int context;
    private final int[][] validation;

    LanguageTask(TokenSource language, int batchSize, int context, int validationSize) {
        this.language = language;
        this.batchSize = batchSize;
        this.context = context;
        this.validation = language.validation(validationSize, context + 1);
    }

    /** The Bayes-optimal loss on the validation set (the floor of {@code val_loss}), NaN when unknown. */
    double validationFloor() {
        return language instanceof HmmLanguage hmm ? hmm.optimalLoss(validation) : Double.NaN;
    }

    @Override
    public NDArray[] trainBatch(NDManager manager, long seed, long step) {
        return oneHot(manager, language.sequences(seed, step, batchSize, context + 1));
    }

    @Override
    public NDArray[] validation(NDManager manager) {
        return oneHot(manager, validation);
    }

    @Override
    public long unitsPerStep() {
        return (long) batchSize * context;
    }

    private NDArray[] oneHot(NDManager m, int[][] seqs) {
        int v = language.vocab();
        float[] in = new float[seqs.length * context * v];
        float[] out = new float[seqs.length * context * v];
        for (int i = 0; i < seqs.length; i++) {
            for (int t = 0; t < context; t++) {
                in[(i * context + t) * v + seqs[i][t]] = 1f;
                out[(i * context + t) * v + seqs[i][t + 1]] = 1f;
            }
        }
        Shape shape = new Shape(seqs.length, context, v);
        return new NDArray[] {m.create(in, shape), m.create(out, shape)};
    }
}
