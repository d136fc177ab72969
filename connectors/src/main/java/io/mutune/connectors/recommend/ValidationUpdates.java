package io.mutune.connectors.recommend;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** The checks every engine makes before recording validations, so none records half of them. */
public final class ValidationUpdates {
    private ValidationUpdates() { }

    /** Checks the updates among themselves; returns the validation sweep id they share, which names the publish. */
    public static String requireRecordable(List<ValidationUpdate> updates) {
        if (updates == null || updates.isEmpty()) {
            throw new IllegalArgumentException("record validation: no validation results to record");
        }
        String sweep = updates.get(0).validation().sweepId();
        Set<List<Object>> keys = new HashSet<>();
        for (ValidationUpdate u : updates) {
            if (!u.validation().sweepId().equals(sweep)) {
                throw new IllegalArgumentException("record validation: one publish records one validation sweep, got '" + sweep
                        + "' and '" + u.validation().sweepId() + "'");
            }
            if (!keys.add(RecommendationRows.key(u.row()))) {
                throw new IllegalArgumentException("record validation of sweep '" + sweep + "': two results for " + describe(u.row()));
            }
        }
        return sweep;
    }

    /**
     * The rows as the validation publish writes them: each update's current row (found by key among
     * {@code current}) with the validation set and every other column as it is. Fails, naming the
     * row, when a key is no longer in the table or its row is not the version that was validated.
     */
    public static List<RecommendationRow> apply(String table, List<RecommendationRow> current, List<ValidationUpdate> updates) {
        Map<List<Object>, RecommendationRow> now = new HashMap<>();
        for (RecommendationRow r : current) {
            now.put(RecommendationRows.key(r), r);
        }
        return updates.stream().map(u -> {
            RecommendationRow r = now.get(RecommendationRows.key(u.row()));
            if (r == null) {
                throw new IllegalArgumentException("validation " + u.validation().sweepId() + ": " + table + " has no row for "
                        + describe(u.row()) + " any more; nothing recorded");
            }
            if (r.version() != u.row().version()) {
                throw new IllegalArgumentException("validation " + u.validation().sweepId() + " measured " + describe(u.row())
                        + " as published in version " + u.row().version() + " (sweep " + u.row().sweepId() + "), but " + table
                        + " now holds version " + r.version() + " (sweep " + r.sweepId() + "); nothing recorded: validate the new row");
            }
            return r.withValidation(u.validation());
        }).toList();
    }

    static String describe(RecommendationRow r) {
        return r.hyperparameter() + " of " + r.family() + "/" + r.parametrization() + "/" + r.optimizer() + " at " + new TreeMap<>(r.targetScale());
    }
}
