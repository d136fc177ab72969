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
public interface RecommendationTable extends RecommendationSource {

    /** Upserts {@code rows} as one publish and returns the publish's version. */
    long publish(String sweepId, List<RecommendationRow> rows);
}
