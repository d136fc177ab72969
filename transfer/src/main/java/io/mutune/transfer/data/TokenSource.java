package io.mutune.transfer.data;

/** Token sequences for the language proxy: unlimited training sequences and a fixed held-out set. */
public interface TokenSource {

    /** Vocabulary size; every token is in [0, vocab). */
    int vocab();

    /** {@code rows} training sequences of {@code length}, batch {@code step} of a trial with {@code seed}. */
    int[][] sequences(long seed, long step, int rows, int length);

    /** The held-out sequences, the same for every trial. */
    int[][] validation(int rows, int length);

    /** How many training tokens there are; {@link Long#MAX_VALUE} for a generator. */
    default long trainingTokens() {
        return Long.MAX_VALUE;
    }
}
