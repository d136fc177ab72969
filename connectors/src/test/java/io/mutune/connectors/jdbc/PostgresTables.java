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

    /** Runs one statement on the server of {@code table}, as a person with a SQL client would. */
    public static void sql(RecommendationTable table, String statement) throws java.sql.SQLException {
        PostgresServer pg = PostgresServer.get();
        try (java.sql.Connection c = new JdbcConnections(JdbcTarget.parse(table.location()), pg.password()).open();
             java.sql.Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    /** The table's name on the server. */
    public static String name(RecommendationTable table) {
        return JdbcTarget.parse(table.location()).table();
    }

    public static RecommendationTable newRecommendationTable() {
        PostgresServer pg = PostgresServer.get();
        return new JdbcRecommendationTable(pg.newTable("recs"), pg.password());
    }
}
