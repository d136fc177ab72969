package io.mutune.jobs.diff;

import java.util.Map;

/**
 * How one recommendation (one key of the table) changed between two versions, or what one publish
 * did to it.
 *
 * @param before the older row's value and interval, null when the key is new
 * @param after  the newer row's, null when the key was dropped; for {@link Change#KEPT}, the row the publish brought and did not write
 * @param reason why a row was kept ({@link Change#KEPT}); null otherwise
 */
public record DiffEntry(String family, String parametrization, String optimizer, Map<String, Double> targetScale,
                        String hyperparameter, Side before, Side after, Change change, String reason) {

    /** An entry of a comparison of two versions, which keeps nothing. */
    public DiffEntry(String family, String parametrization, String optimizer, Map<String, Double> targetScale,
                     String hyperparameter, Side before, Side after, Change change) {
        this(family, parametrization, optimizer, targetScale, hyperparameter, before, after, change, null);
    }

    /** One side of the comparison. */
    public record Side(double value, double lower, double upper, String verdict, String sweepId, long version) { }

    public enum Change {
        /** The new value lies outside the old interval, or the old value outside the new one. */
        MOVED,
        /** Each value lies inside the other's interval. */
        WITHIN,
        ADDED,
        REMOVED,
        /** A publish left the current row in place because its own was weaker (a weaker verdict or less evidence). */
        KEPT
    }

    /** The relative change of the value, new/old - 1; NaN when a side is missing or the row was kept. */
    public double relativeChange() {
        return before == null || after == null || change == Change.KEPT ? Double.NaN : after.value() / before.value() - 1;
    }
}
