package io.mutune.transfer.data;

import java.io.IOException;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Token sequences cut from one long token stream (e.g. a Parquet column of token ids). The last
 * {@code heldOutFraction} of the stream is the validation set, read as consecutive windows; each
 * training sequence starts at an offset drawn from (seed, step) in the rest.
 */
public final class TokenStream implements TokenSource {
    private final int vocab;
    private final int[] tokens;
    private final int trainEnd;

    public TokenStream(int[] tokens, int vocab, double heldOutFraction, String source) {
        if (!(heldOutFraction > 0 && heldOutFraction < 1)) {
            throw new IllegalArgumentException("held-out fraction must be in (0, 1), got " + heldOutFraction);
        }
        for (int i = 0; i < tokens.length; i++) {
            if (tokens[i] < 0 || tokens[i] >= vocab) {
                throw new IllegalArgumentException(source + ": token " + tokens[i] + " at position " + i
                        + " is outside the vocabulary [0, " + vocab + ")");
            }
        }
        this.vocab = vocab;
        this.tokens = tokens.clone();
        this.trainEnd = (int) Math.floor(tokens.length * (1 - heldOutFraction));
    }

    /** Reads the token ids of {@code column} from a Parquet file; 10% are held out. */
    public static TokenStream fromParquet(String file, String column, int vocab) throws IOException {
        double[] raw = ParquetColumns.read(file, List.of(column))[0];
        int[] t = new int[raw.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (int) raw[i];
            if (t[i] != raw[i]) {
                throw new IllegalArgumentException(file + ": column '" + column + "' row " + i + " is " + raw[i] + ", not a token id");
            }
        }
        return new TokenStream(t, vocab, 0.1, file);
    }

    @Override
    public long trainingTokens() {
        return trainEnd;
    }

    @Override
    public int vocab() {
        return vocab;
    }

    @Override
    public int[][] sequences(long seed, long step, int rows, int length) {
        if (trainEnd < length) {
            throw new IllegalArgumentException("token stream has " + trainEnd + " training tokens, fewer than one sequence of " + length);
        }
        SplittableRandom r = new SplittableRandom(Seeds.mix(seed, step));
        int[][] out = new int[rows][];
        for (int i = 0; i < rows; i++) {
            int start = r.nextInt(trainEnd - length + 1);
            out[i] = java.util.Arrays.copyOfRange(tokens, start, start + length);
        }
        return out;
    }

    @Override
    public int[][] validation(int rows, int length) {
        int available = (tokens.length - trainEnd) / length;
        if (available < 1) {
            throw new IllegalArgumentException("token stream holds out " + (tokens.length - trainEnd)
                    + " tokens, fewer than one validation sequence of " + length);
        }
        int n = Math.min(rows, available);
        int[][] out = new int[n][];
        for (int i = 0; i < n; i++) {
            out[i] = java.util.Arrays.copyOfRange(tokens, trainEnd + i * length, trainEnd + (i + 1) * length);
        }
        return out;
    }
}
