package io.mutune.connectors.recommend;

import java.util.List;

/**
 * The read side of a recommendations table: what launchers need. Spark-backed tables and the
 * Spark-free readers ({@code io.mutune.connectors.direct}) both provide it.
 */
public interface RecommendationSource {

    /**
     * Whether the table exists. Opening a table never creates it, and a reader never does: a
     * missing table is not an empty one ({@code RecommendationReader} says there is none).
     */
    boolean exists();

    /** The current rows. */
    List<RecommendationRow> current();

    /** The rows as they were right after publish {@code version}; an unknown version is an error. */
    List<RecommendationRow> asOfVersion(long version);

    /** The rows as they were right after the latest publish of {@code sweepId}; an unknown sweep is an error. */
    default List<RecommendationRow> asOfSweep(String sweepId) {
        return asOfVersion(versionOfSweep(sweepId));
    }

    /** Every publish, oldest first. */
    List<PublishRecord> history();

    String location();

    /** The publish version that {@code sweepId} last wrote, from {@link #history()}. */
    default long versionOfSweep(String sweepId) {
        return history().stream().filter(p -> p.sweepId().equals(sweepId)).mapToLong(PublishRecord::version).max()
                .orElseThrow(() -> new IllegalArgumentException("table " + location() + " has no publish of sweep '" + sweepId
                        + "'; it has " + history().stream().map(PublishRecord::sweepId).distinct().toList()));
    }
}
