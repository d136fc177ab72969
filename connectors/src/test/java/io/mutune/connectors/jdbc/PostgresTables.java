package io.mutune.connectors.jdbc;

import io.mutune.connectors.recommend.RecommendationTable;

/** Fresh PostgreSQL recommendation tables for tests outside this package. */
public final class PostgresTables {
    private PostgresTables() { }

    /** A table name no other test uses, on the test server. */
    public static JdbcTarget newTarget(String prefix) {
        return PostgresServer.get().newTable(prefix);
    }

    public static JdbcPassword password() {
        return PostgresServer.get().password();
    }

    public static RecommendationTable newRecommendationTable() {
        PostgresServer pg = PostgresServer.get();
        return new JdbcRecommendationTable(pg.newTable("recs"), pg.password());
    }
}
