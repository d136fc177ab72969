package io.mutune.connectors.recommend;

import java.util.List;

/**
 * The table launchers read. A publish upserts by key (family, parametrization, optimizer, target
 * scale, hyperparameter) in one atomic commit that carries the sweep id and a publish version;
 * superseded rows stay readable, so a launcher can pin the version or sweep it used.
 *
 * <p>Publish versions are 1, 2, 3... in commit order on every engine, also under concurrent
 * publishers: a publisher that loses a race re-reads and retries.
 */
public interface RecommendationTable {

    /** Whether the table exists; opening a table never creates it. */
    boolean exists();

    /**
     * Creates the table with this mutune's schema if it does not exist yet. Only writers call it
     * (a sweep, before its first trial); a launcher's read never creates or alters a table.
     */
    void createIfAbsent();

    /** Upserts {@code rows} as one publish and returns the publish's version. */
    long publish(String sweepId, List<RecommendationRow> rows);

    /** The current rows. */
    List<RecommendationRow> current();

    /** The rows as they were right after publish {@code version}; an unknown version is an error. */
    List<RecommendationRow> asOfVersion(long version);

    /** The rows as they were right after the latest publish of {@code sweepId}; an unknown sweep is an error. */
    List<RecommendationRow> asOfSweep(String sweepId);

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
