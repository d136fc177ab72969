package io.mutune.hpo.tuner;

/**
 * A cap on the total resource a sweep may hand out (summed over segments), beyond
 * {@link TunerSettings#maxTrials()}. Wall time is the runner's to enforce: it stops asking.
 *
 * @param maxTotalResource the cap, or {@link Long#MAX_VALUE} for none
 */
public record Budget(long maxTotalResource) {
    public static final Budget UNLIMITED = new Budget(Long.MAX_VALUE);

    public Budget {
        if (maxTotalResource < 1) {
            throw new IllegalArgumentException("maxTotalResource must be >= 1, got " + maxTotalResource);
        }
    }

    boolean allowsMore(long spent) {
        return spent < maxTotalResource;
    }
}
