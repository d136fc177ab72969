package io.mutune.connectors.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.recommend.PublishRecord;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.connectors.recommend.RecommendationSchema;
import io.mutune.connectors.recommend.RecommendationTableV2Contract;
import io.mutune.connectors.recommend.VersionOneRows;
import io.mutune.connectors.recommend.Recs;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class JdbcRecommendationTableTest extends RecommendationTableV2Contract {
    private static final PostgresServer PG = PostgresServer.get();

    @Override
    protected RecommendationTable newTable() {
        return new JdbcRecommendationTable(PG.newTable("recs"), PG.password());
    }

    @Override
    protected RecommendationTable reopen(RecommendationTable table) {
        return new JdbcRecommendationTable(JdbcTarget.parse(table.location()), PG.password());
    }

    /** The recommendations columns as mutune created them at schema version 1. */
    private static final String V1_DEFINITIONS = """
            family text NOT NULL, parametrization text NOT NULL, optimizer text NOT NULL,
            target_width double precision, target_depth double precision, target_tokens double precision, target_batch double precision,
            hyperparameter text NOT NULL,
            value double precision NOT NULL, lower double precision NOT NULL, upper double precision NOT NULL,
            rule_form text NOT NULL, rule_coefficients jsonb NOT NULL, rule text,
            evidence_trials integer NOT NULL, evidence_scale_points integer NOT NULL, fit_quality double precision NOT NULL,
            validation_log_error double precision,
            verdict text NOT NULL, sweep_id text NOT NULL, version bigint NOT NULL, created_at timestamptz NOT NULL""";

    /** The tables, index, registry row and publish row that mutune's schema version 1 created, with {@code rows} as publish 1. */
    @Override
    protected String versionOneTable(List<RecommendationRow> rows) {
        JdbcTarget target = PG.newTable("recs_v1");
        String t = target.table();
        String v1 = String.join(", ", VersionOneRows.COLUMNS.fieldNames());
        try (Connection c = new JdbcConnections(target, PG.password()).open(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS mutune_tables (table_name text PRIMARY KEY, kind text NOT NULL,"
                    + " schema_version integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
            s.execute("CREATE TABLE " + t + " (" + V1_DEFINITIONS + ")");
            s.execute("CREATE UNIQUE INDEX " + t + "_key ON " + t + " (family, parametrization, optimizer, COALESCE(target_width, -1),"
                    + " COALESCE(target_depth, -1), COALESCE(target_tokens, -1), COALESCE(target_batch, -1), hyperparameter)");
            s.execute("CREATE TABLE " + t + "_history (" + V1_DEFINITIONS + ", superseded_by bigint NOT NULL, superseded_at timestamptz NOT NULL)");
            s.execute("CREATE TABLE " + t + "_publishes (version bigint PRIMARY KEY, sweep_id text NOT NULL, published_at timestamptz NOT NULL,"
                    + " row_count bigint NOT NULL)");
            s.execute("INSERT INTO mutune_tables (table_name, kind, schema_version) VALUES ('" + t + "', 'recommendations', 1)");
            s.execute("INSERT INTO " + t + "_publishes VALUES (1, 'v1-sweep', now(), " + rows.size() + ")");
            // Every column bound as this mutune binds it, into a scratch table; then only the version-1 ones copied over.
            s.execute("CREATE TEMP TABLE v2_rows (" + JdbcRecommendationColumns.DEFINITIONS + ")");
            try (PreparedStatement in = c.prepareStatement("INSERT INTO v2_rows (" + JdbcRecommendationColumns.list() + ") VALUES ("
                    + JdbcRecommendationColumns.placeholders() + ")")) {
                for (RecommendationRow r : rows) {
                    JdbcRecommendationColumns.bind(in, 1, r);
                    in.executeUpdate();
                }
            }
            s.execute("INSERT INTO " + t + " (" + v1 + ") SELECT " + v1 + " FROM v2_rows");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return target.toString();
    }

    /** As a sweep opens it: created, or checked and migrated, before its first trial. */
    @Override
    protected RecommendationTable open(String uri) {
        RecommendationTable t = new JdbcRecommendationTable(JdbcTarget.parse(uri), PG.password());
        t.createIfAbsent();
        return t;
    }

    /**
     * A launcher that upgraded mutune before the nightly sweep did reads the version-1 table as it
     * is, the new columns null, and alters nothing: no column added, the registry still says 1.
     */
    @Test
    void aReaderReadsAVersionOneTableAsItIsAndAltersNothing() throws SQLException {
        List<RecommendationRow> rows = List.of(Recs.row("lr", 1024, 0.01, "v1-sweep").withVersion(1, V1_TIME));
        String uri = versionOneTable(rows);
        JdbcTarget target = JdbcTarget.parse(uri);
        Set<String> v1Columns = columns(target, target.table());
        RecommendationTable reader = new JdbcRecommendationTable(target, PG.password());
        assertEquals(rows, reader.current());
        assertEquals(rows, reader.asOfVersion(1));
        assertEquals(List.of(1L), reader.history().stream().map(PublishRecord::version).toList());
        assertEquals(1, storedSchemaVersion(uri));
        assertEquals(v1Columns, columns(target, target.table()), "a read adds no column");
        assertFalse(columns(target, target.table() + "_history").contains("noise_sd"), "nor to history");
    }

    /** Reading a table that is not there creates nothing: no table, no registry row. */
    @Test
    void aReadOfAMissingTableCreatesNothing() throws SQLException {
        JdbcTarget target = PG.newTable("recs_absent");
        RecommendationTable reader = new JdbcRecommendationTable(target, PG.password());
        assertFalse(reader.exists());
        assertEquals(List.of(), reader.current());
        assertEquals(List.of(), reader.history());
        assertFalse(reader.exists(), "a read must not create the table");
        // Another test may have made the registry; this read must not have added to it.
        sql(target, "CREATE TABLE IF NOT EXISTS mutune_tables (table_name text PRIMARY KEY, kind text NOT NULL,"
                + " schema_version integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
        try (Connection c = new JdbcConnections(target, PG.password()).open();
             PreparedStatement s = c.prepareStatement("SELECT count(*) FROM mutune_tables WHERE table_name = ?")) {
            s.setString(1, target.table());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                assertEquals(0, r.getLong(1), "nor register it");
            }
        }
    }

    @Override
    protected int storedSchemaVersion(String uri) {
        JdbcTarget target = JdbcTarget.parse(uri);
        try (Connection c = new JdbcConnections(target, PG.password()).open();
             PreparedStatement s = c.prepareStatement("SELECT schema_version FROM mutune_tables WHERE table_name = ?")) {
            s.setString(1, target.table());
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Set<String> columns(JdbcTarget target, String table) throws SQLException {
        Set<String> out = new TreeSet<>();
        try (Connection c = new JdbcConnections(target, PG.password()).open();
             PreparedStatement s = c.prepareStatement("SELECT column_name FROM information_schema.columns WHERE table_name = ?")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(r.getString(1));
                }
            }
        }
        return out;
    }

    /**
     * The server fails the migration's last statement (recording version 2), after both tables were
     * altered: the whole migration rolls back, so the table is still a whole version-1 table, and
     * the next open migrates it.
     */
    @Test
    void aMigrationThatFailsPartWayLeavesTheVersionOneTable() throws SQLException {
        List<RecommendationRow> rows = List.of(Recs.row("lr", 1024, 0.01, "v1-sweep").withVersion(1, V1_TIME));
        String uri = versionOneTable(rows);
        JdbcTarget target = JdbcTarget.parse(uri);
        Set<String> v1Columns = columns(target, target.table());
        assertEquals(new TreeSet<>(List.of(VersionOneRows.COLUMNS.fieldNames())), v1Columns);
        String fn = target.table() + "_block";
        sql(target, "CREATE FUNCTION " + fn + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.table_name = '" + target.table() + "' THEN RAISE EXCEPTION 'injected migration failure'; END IF;"
                + " RETURN NEW; END $$");
        sql(target, "CREATE TRIGGER " + fn + " BEFORE UPDATE ON mutune_tables FOR EACH ROW EXECUTE FUNCTION " + fn + "()");
        try {
            IllegalStateException e = assertThrows(IllegalStateException.class, () -> open(uri));
            assertTrue(e.getMessage().contains("injected migration failure"), e.getMessage());
        } finally {
            sql(target, "DROP TRIGGER " + fn + " ON mutune_tables");
        }
        assertEquals(1, storedSchemaVersion(uri));
        assertEquals(v1Columns, columns(target, target.table()), "no column was added");
        assertFalse(columns(target, target.table() + "_history").contains("noise_sd"), "nor to history");

        RecommendationTable t = open(uri);
        assertEquals(RecommendationSchema.VERSION, storedSchemaVersion(uri));
        assertEquals(rows, t.current());
        assertTrue(columns(target, target.table() + "_history").containsAll(List.of(RecommendationSchema.V2_COLUMNS.fieldNames())));
    }

    private static void sql(JdbcTarget t, String statement) throws SQLException {
        try (Connection c = new JdbcConnections(t, PG.password()).open(); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static Map<String, RecommendationRow> byHp(List<RecommendationRow> rows) {
        return rows.stream().collect(Collectors.toMap(RecommendationRow::hyperparameter, r -> r));
    }

    /**
     * A trigger makes the server fail the second insert of a publish, after the first row was
     * already moved to history and replaced: the whole publish must roll back.
     */
    @Test
    void aPublishThatFailsMidTransactionLeavesThePreviousRecommendations() throws SQLException {
        JdbcTarget target = PG.newTable("recs_fail");
        JdbcRecommendationTable t = new JdbcRecommendationTable(target, PG.password());
        t.publish("s1", List.of(Recs.row("lr", 1024, 0.01, "s1"), Recs.row("weight_decay", 1024, 0.1, "s1")));
        String fn = target.table() + "_fail";
        sql(target, "CREATE FUNCTION " + fn + "() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN"
                + " IF NEW.hyperparameter = 'weight_decay' AND NEW.sweep_id = 's2' THEN RAISE EXCEPTION 'injected failure'; END IF;"
                + " RETURN NEW; END $$");
        sql(target, "CREATE TRIGGER " + fn + " BEFORE INSERT ON " + target.table() + " FOR EACH ROW EXECUTE FUNCTION " + fn + "()");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> t.publish("s2",
                List.of(Recs.row("lr", 1024, 0.02, "s2"), Recs.row("weight_decay", 1024, 0.2, "s2"))));
        assertTrue(e.getMessage().contains("injected failure"), e.getMessage());
        Map<String, RecommendationRow> now = byHp(t.current());
        assertEquals(0.01, now.get("lr").value());
        assertEquals(0.1, now.get("weight_decay").value());
        assertEquals(List.of(1L), t.history().stream().map(PublishRecord::version).toList());
        try (Connection c = new JdbcConnections(target, PG.password()).open();
             ResultSet r = c.createStatement().executeQuery("SELECT count(*) FROM " + target.table() + "_history")) {
            r.next();
            assertEquals(0, r.getLong(1), "the rolled-back publish left nothing in history");
        }
    }

    @Test
    void aTableNameThatTriesSqlInjectionIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JdbcTarget.parse(PG.url + "&table=recs;DROP TABLE mutune_tables;--"));
        assertTrue(e.getMessage().contains("recs;DROP TABLE mutune_tables;--"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> JdbcTarget.parse(PG.url + "&table=recs\"%20OR%201=1"));
        assertThrows(IllegalArgumentException.class, () -> JdbcTarget.parse(PG.url + "&table=recs%27"));
    }

    @Test
    void aPasswordInTheUrlIsRefusedWithoutEchoingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> JdbcTarget.parse("jdbc:postgresql://127.0.0.1:5432/db?user=u&password=hunter2secret&table=recs"));
        assertFalse(e.getMessage().contains("hunter2secret"), e.getMessage());
        assertTrue(e.getMessage().contains(JdbcPassword.ENV), e.getMessage());
    }

    @Test
    void aWrongPasswordFailsWithoutShowingThePassword() {
        JdbcPassword wrong = JdbcPassword.fromFile(PG.passwordFile.resolveSibling("env"));
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> new JdbcRecommendationTable(PG.newTable("recs"), wrong).current());
        assertFalse(e.getMessage().contains("MUTUNE_PG_DIR"), e.getMessage());
        assertEquals("JdbcPassword[****]", wrong.toString());
    }

    @Test
    void aForeignTableIsRefusedAndANewerOneToo() throws SQLException {
        JdbcTarget foreign = PG.newTable("foreign");
        sql(foreign, "CREATE TABLE " + foreign.table() + " (id integer)");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JdbcRecommendationTable(foreign, PG.password()).current());
        assertTrue(e.getMessage().contains("not written by mutune"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new JdbcRecommendationTable(foreign, PG.password()).createIfAbsent());
        assertTrue(e.getMessage().contains("not written by mutune"), e.getMessage());

        JdbcTarget newer = PG.newTable("newer");
        new JdbcRecommendationTable(newer, PG.password()).publish("s1", List.of(Recs.row("lr", 1024, 0.01, "s1")));
        sql(newer, "UPDATE mutune_tables SET schema_version = 7 WHERE table_name = '" + newer.table() + "'");
        e = assertThrows(IllegalArgumentException.class, () -> new JdbcRecommendationTable(newer, PG.password()).current());
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }
}
