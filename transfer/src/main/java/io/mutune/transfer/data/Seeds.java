package io.mutune.transfer.data;

/**
 * Derives independent seeds from a seed and a stream index (the SplitMix64 finaliser), so that
 * batch {@code i} of a trial is the same whether the trial ran straight through or resumed.
 */
public final class Seeds {
    private Seeds() {
    }

    public static long mix(long seed, long stream) {
        long z = seed + 0x9E3779B97F4A7C15L * (stream + 1);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
