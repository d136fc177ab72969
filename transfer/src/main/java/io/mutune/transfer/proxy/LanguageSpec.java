package io.mutune.transfer.proxy;

import io.mutune.transfer.data.HmmLanguage;
import io.mutune.transfer.data.TokenSource;
import io.mutune.transfer.data.TokenStream;
import java.io.IOException;
import java.io.Serializable;

/**
 * The transformer proxy's fixed shape and data.
 *
 * @param baseHeads  attention heads at the base width
 * @param fixedHeads keep the head count at every width, so the head dimension grows (default);
 *                   false keeps the head dimension instead
 * @param context    tokens per sequence
 * @param vocab      vocabulary size of the synthetic language
 * @param states     hidden states of the synthetic language's HMM
 * @param seed       the language seed
 * @param parquet    a Parquet file of token ids to read instead, or null
 * @param column     the Parquet column holding the token ids
 */
public record LanguageSpec(int baseHeads, boolean fixedHeads, int context, int vocab, int states, long seed,
                           String parquet, String column) implements Serializable {
    /** Each HMM state has 3 successors and emits 4 tokens: structured, and far from uniform. */
    static final int BRANCHING = 3;
    static final int EMISSIONS = 4;

    /** The token source: the synthetic HMM language, or the Parquet column. */
    public TokenSource source() {
        if (parquet == null) {
            return new HmmLanguage(vocab, states, BRANCHING, EMISSIONS, seed);
        }
        try {
            return TokenStream.fromParquet(parquet, column, vocab);
        } catch (IOException e) {
            throw new IllegalArgumentException("proxy.data.parquet: cannot read '" + parquet + "': " + e.getMessage(), e);
        }
    }
}
