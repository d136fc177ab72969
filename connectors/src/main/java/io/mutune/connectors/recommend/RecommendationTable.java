package io.mutune.connectors.recommend;

import java.util.List;

/**
 * The table launchers read. A publish upserts by key (family, parametrization, optimizer, target
 * scale, hyperparameter) in one atomic commit that carries the sweep id and a publish version;
 * superseded rows stay readable, so a launcher can pin the version or sweep it used.
 *
 * <p>Publish versions are 1, 2, 3... in commit order on every engine, also under concurrent
 * publishers: a publisher that loses a race re-reads and retries.
 *
 * <p>A publish never replaces a row with a weaker one ({@link NeverDowngrade}) unless forced; the
 * decision is taken on the rows the publish's own transaction read, so a concurrent publish
 * cannot slip a stronger row in between.
 */
public interface RecommendationTable extends RecommendationSource {

    /**
     * Creates the table with this mutune's schema if it does not exist yet (an older schema is
     * migrated). Only writers call it, a sweep before its first trial and every publish; a reader
     * never creates or alters a table.
     */
    void createIfAbsent();

    /**
     * Upserts {@code rows} as one publish, keeping every current row that an offered row would
     * downgrade unless {@code force}. A publish whose rows are all kept commits nothing.
     */
    PublishResult publish(String sweepId, List<RecommendationRow> rows, boolean force);

    /** Upserts {@code rows} as one publish that never downgrades, and returns its version (see {@link PublishResult#version()}). */
    default long publish(String sweepId, List<RecommendationRow> rows) {
        return publish(sweepId, rows, false).version();
    }

    /**
     * Records validation results in the {@code validated_*} columns of existing rows, as one
     * publish (a new version) under the validation's sweep id; every other column keeps its value.
     * All or nothing: if any row is gone or was republished after the version the validation read
     * ({@link ValidationUpdate#row()}), nothing is recorded and the error names the row.
     *
     * @return the publish version
     */
    long recordValidation(List<ValidationUpdate> updates);
}
