package io.mutune.transfer.proxy;

import java.io.Serializable;

/**
 * The transformer proxy's fixed shape and data.
 *
 * @param baseHeads  heads at the base width (head dimension = width / heads is what muP scales;
 *                   heads scale with width so head dimension stays baseWidth / baseHeads unless
 *                   {@code fixedHeads})
 * @param fixedHeads keep the head count and grow the head dimension instead
 * @param context    tokens per sequence
 * @param vocab      vocabulary size of the synthetic language
 * @param states     hidden states of the synthetic language's HMM
 * @param seed       the language seed
 * @param parquet    a Parquet file of token ids to read instead, or null
 */
public record LanguageSpec(int baseHeads, boolean fixedHeads, int context, int vocab, int states, long seed,
                           String parquet) implements Serializable {
}
