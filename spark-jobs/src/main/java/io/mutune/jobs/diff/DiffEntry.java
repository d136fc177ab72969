package io.mutune.jobs.diff;

import java.util.Map;

/**
 * How one recommendation (one key of the table) changed between two versions.
 *
 * @param before the older row's value and interval, null when the key is new
 * @param after  the newer row's, null when the key was dropped
 */
public record DiffEntry(String family, String parametrization, String optimizer, Map<String, Double> targetScale,
                        String hyperparameter, Side before, Side after, Change change) {

    /** One side of the comparison. */
    public record Side(double value, double lower, double upper, String verdict, String sweepId, long version) { }

    public enum Change {
        /** The new value lies outside the old interval, or the old value outside the new one. */
        MOVED,
        /** Each value lies inside the other's interval. */
        WITHIN,
        ADDED,
        REMOVED
    }

    /** The relative change of the value, new/old - 1; NaN when a side is missing. */
    public double relativeChange() {
        return before == null || after == null ? Double.NaN : after.value() / before.value() - 1;
    }
}
