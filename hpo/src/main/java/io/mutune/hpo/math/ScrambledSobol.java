package io.mutune.hpo.math;

import org.apache.commons.math3.random.SobolSequenceGenerator;

/**
 * Owen-scrambled Sobol points: the Sobol sequence (Joe and Kuo direction numbers, as shipped by
 * commons-math) with each coordinate's bits permuted by a nested uniform scramble, implemented with
 * the hash of Burley, "Practical Hash-based Owen Scrambling", JCGT 2020. Point {@code i} is a pure
 * function of {@code (seed, i)}.
 */
public final class ScrambledSobol {
    private static final double TWO_POW_52 = 4503599627370496.0;
    private static final double TWO_POW_32 = 4294967296.0;

    private final int dimension;
    private final int[] dimensionSeeds;
    private final SobolSequenceGenerator generator;

    public ScrambledSobol(int dimension, long seed) {
        if (dimension < 1 || dimension > 1000) {
            throw new IllegalArgumentException("Sobol dimension must be in [1, 1000], got " + dimension);
        }
        this.dimension = dimension;
        this.dimensionSeeds = new int[dimension];
        for (int d = 0; d < dimension; d++) {
            dimensionSeeds[d] = (int) mix(seed + 0x632BE59BD9B4E019L * (d + 1));
        }
        this.generator = new SobolSequenceGenerator(dimension);
    }

    /** Point {@code index} (0-based) in [0, 1)^dimension. */
    public synchronized double[] point(int index) {
        if (index < 0) {
            throw new IllegalArgumentException("Sobol index must be >= 0, got " + index);
        }
        double[] raw = generator.skipTo(index);
        double[] out = new double[dimension];
        for (int d = 0; d < dimension; d++) {
            // commons-math points are k / 2^52; the top 32 bits carry the first 32 digits
            long bits52 = (long) (raw[d] * TWO_POW_52);
            int top32 = (int) (bits52 >>> 20);
            int scrambled = nestedUniformScramble(top32, dimensionSeeds[d]);
            out[d] = ((scrambled & 0xFFFFFFFFL) + 0.5) / TWO_POW_32;
        }
        return out;
    }

    public int dimension() {
        return dimension;
    }

    static int nestedUniformScramble(int x, int seed) {
        x = Integer.reverse(x);
        x = laineKarras(x, seed);
        return Integer.reverse(x);
    }

    /** A permutation of bit-reversed integers in which each bit depends only on lower bits. */
    private static int laineKarras(int x, int seed) {
        x += seed;
        x ^= x * 0x6c50b47c;
        x ^= x * 0xb82f1e52;
        x ^= x * 0xc7afe638;
        x ^= x * 0x8d22f6e6;
        return x;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
