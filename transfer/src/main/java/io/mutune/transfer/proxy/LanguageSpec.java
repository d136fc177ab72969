package io.mutune.transfer.proxy;

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
}
