package io.mutune.connectors.recommend;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Checks a publish before any engine sees it, so bad input never reaches a table half-way. */
public final class RecommendationRows {
    private RecommendationRows() { }

    public static void requirePublishable(String sweepId, List<RecommendationRow> rows) {
        if (sweepId == null || sweepId.isBlank()) {
            throw new IllegalArgumentException("publish: sweep id is empty");
        }
        if (rows == null || rows.isEmpty()) {
            throw new IllegalArgumentException("publish of sweep '" + sweepId + "': no recommendations to publish");
        }
        Set<List<Object>> keys = new HashSet<>();
        for (RecommendationRow r : rows) {
            for (String axis : r.targetScale().keySet()) {
                if (!List.of(RecommendationSchema.AXES).contains(axis)) {
                    throw new IllegalArgumentException("recommendation for '" + r.hyperparameter() + "': unknown target axis '" + axis
                            + "'; expected one of " + List.of(RecommendationSchema.AXES));
                }
            }
            if (!Double.isFinite(r.value()) || !Double.isFinite(r.lower()) || !Double.isFinite(r.upper())) {
                // A launcher would train with it: a value that is not a number is never published.
                throw new IllegalArgumentException("publish of sweep '" + sweepId + "': " + r.hyperparameter() + " at " + r.targetScale()
                        + " is " + r.value() + " [" + r.lower() + ", " + r.upper() + "], not a number; it cannot be published");
            }
            if (!keys.add(key(r))) {
                throw new IllegalArgumentException("publish of sweep '" + sweepId + "': two recommendations share the key " + key(r));
            }
        }
    }

    /** The upsert key: family, parametrization, optimizer, the four target axes, hyperparameter. */
    public static List<Object> key(RecommendationRow r) {
        return java.util.Arrays.asList(r.family(), r.parametrization(), r.optimizer(), r.targetScale().get("width"),
                r.targetScale().get("depth"), r.targetScale().get("tokens"), r.targetScale().get("batch"), r.hyperparameter());
    }
}
