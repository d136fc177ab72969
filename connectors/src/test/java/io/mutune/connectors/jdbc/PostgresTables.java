package io.mutune.connectors.jdbc;

import io.mutune.connectors.recommend.RecommendationTable;

/** Fresh PostgreSQL recommendation tables for tests outside this package. */
public final class PostgresTables {
    private PostgresTables() { }

    public static RecommendationTable newRecommendationTable() {
        PostgresServer pg = PostgresServer.get();
        return new JdbcRecommendationTable(pg.newTable("recs"), pg.password());
    }
}
