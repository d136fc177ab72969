package io.mutune.connectors.recommend;

import java.util.List;

/** The table launchers read. A publish upserts by key in one atomic commit that carries the sweep id. */
public interface RecommendationTable {

    /** Upserts {@code rows} as one publish and returns the publish's version. */
    long publish(String sweepId, List<RecommendationRow> rows);

    /** The current rows. */
    List<RecommendationRow> current();

    String location();
}
