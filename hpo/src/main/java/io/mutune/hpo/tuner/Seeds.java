package io.mutune.hpo.tuner;

import java.util.SplittableRandom;

/**
 * Derives independent random streams from the tuner's seed, one per use (trial number, scheduler
 * step), so no mutable RNG is shared and a replay meets the same streams.
 */
public final class Seeds {
    private Seeds() { }

    /** The stream for {@code (seed, purpose, index)}. */
    public static SplittableRandom stream(long seed, long purpose, long index) {
        return new SplittableRandom(mix(mix(seed ^ 0x9E3779B97F4A7C15L * (purpose + 1)) + index));
    }

    /** SplitMix64's finaliser: neighbouring inputs give unrelated outputs. */
    public static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
