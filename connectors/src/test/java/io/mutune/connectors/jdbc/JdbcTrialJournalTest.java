package io.mutune.connectors.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.Journals;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.journal.TrialJournalV2Contract;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.journal.VersionOneJournal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcTrialJournalTest extends TrialJournalV2Contract {
    private static final PostgresServer PG = PostgresServer.get();
    /** The journal's columns as mutune created them at schema version 1. */
    private static final String V1_DEFINITIONS = """
            sweep_id text NOT NULL, seq bigint NOT NULL, scale_key text NOT NULL,
            width double precision, depth double precision, tokens double precision, batch double precision,
            trial_id text NOT NULL, trial_number integer NOT NULL, parent_trial text, config text NOT NULL,
            from_resource bigint NOT NULL, target_resource bigint NOT NULL, resource bigint NOT NULL,
            metrics jsonb, curve text, status text NOT NULL, attempt integer NOT NULL,
            executor text, gpu text, checkpoint text, seed bigint NOT NULL, message text,
            started_at timestamptz, finished_at timestamptz,
            PRIMARY KEY (sweep_id, seq)""";
    @TempDir
    Path dir;

    @Override
    protected TrialJournal newJournal() {
        return new JdbcTrialJournal(PG.newTable("trials"), PG.password());
    }

    /** The table and registry row that mutune's schema version 1 created, holding {@code rows}. */
    @Override
    protected String versionOneJournal(List<JournalRow> rows) {
        JdbcTarget target = PG.newTable("trials_v1");
        String t = target.table();
        String v1 = String.join(", ", VersionOneJournal.COLUMNS.fieldNames());
        try (Connection c = new JdbcConnections(target, PG.password()).open(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS mutune_tables (table_name text PRIMARY KEY, kind text NOT NULL,"
                    + " schema_version integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
            s.execute("CREATE TABLE " + t + " (" + V1_DEFINITIONS + ")");
            s.execute("INSERT INTO mutune_tables (table_name, kind, schema_version) VALUES ('" + t + "', 'trials', 1)");
            // Every column bound as this mutune binds it, into a scratch table; then only the version-1 ones copied over.
            s.execute("CREATE TEMP TABLE v2_rows (" + JdbcJournalColumns.DEFINITIONS + ")");
            try (PreparedStatement in = c.prepareStatement(JdbcJournalColumns.insert("v2_rows"))) {
                for (JournalRow r : rows) {
                    JdbcJournalColumns.bind(in, r);
                    in.executeUpdate();
                }
            }
            s.execute("INSERT INTO " + t + " (" + v1 + ") SELECT " + v1 + " FROM v2_rows");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return target.toString();
    }

    @Override
    protected TrialJournal open(String uri) {
        return new JdbcTrialJournal(JdbcTarget.parse(uri), PG.password());
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

    @Override
    protected Map<String, String> columns(String uri) {
        JdbcTarget target = JdbcTarget.parse(uri);
        Map<String, String> out = new LinkedHashMap<>();
        try (Connection c = new JdbcConnections(target, PG.password()).open();
             PreparedStatement s = c.prepareStatement("SELECT column_name, data_type FROM information_schema.columns"
                     + " WHERE table_schema = current_schema() AND table_name = ? ORDER BY ordinal_position")) {
            s.setString(1, target.table());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.put(r.getString(1), r.getString(2));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    @Override
    protected void addColumnBySql(String uri, String column, String sqlType) {
        sql(JdbcTarget.parse(uri), "ALTER TABLE " + JdbcTarget.parse(uri).table() + " ADD COLUMN " + column + " "
                + (sqlType.equals("string") ? "text" : sqlType));
    }

    @Override
    protected String stringType() {
        return "text";
    }

    private static void sql(JdbcTarget t, String statement) {
        try (Connection c = new JdbcConnections(t, PG.password()).open(); Statement s = c.createStatement()) {
            s.execute(statement);
        } catch (SQLException e) {
            throw new IllegalStateException(statement, e);
        }
    }

    /**
     * The sweep runs as a database user that may read and append to the journal but does not own
     * it, so it may not alter it: the migration fails, the open says why in one line, and the
     * transaction leaves the version-1 table as it was. The owner's next open migrates it.
     */
    @Test
    void aMigrationByAUserWhoMayNotAlterTheTableLeavesVersionOne() throws Exception {
        String uri = versionOneJournal(VersionOneJournal.written());
        JdbcTarget owner = JdbcTarget.parse(uri);
        Map<String, String> before = columns(uri);
        String role = "journal_writer_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String password = UUID.randomUUID().toString().replace("-", "");
        Path passwordFile = Files.writeString(dir.resolve("password"), password);
        sql(owner, "CREATE ROLE " + role + " LOGIN PASSWORD '" + password + "'");
        try {
            sql(owner, "GRANT USAGE, CREATE ON SCHEMA public TO " + role);
            sql(owner, "GRANT SELECT, INSERT, UPDATE ON mutune_tables, " + owner.table() + " TO " + role);
            JdbcTarget asWriter = JdbcTarget.parse(PG.url.replace("user=mutune", "user=" + role) + "&table=" + owner.table());
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new JdbcTrialJournal(asWriter, JdbcPassword.fromFile(passwordFile)));
            assertTrue(e.getMessage().contains(owner.table()) && e.getMessage().contains("must be owner") && !e.getMessage().contains("\n"),
                    e.getMessage());
        } finally {
            sql(owner, "DROP OWNED BY " + role);
            sql(owner, "DROP ROLE " + role);
        }
        assertEquals(1, storedSchemaVersion(uri));
        assertEquals(before, columns(uri));

        assertEquals(VersionOneJournal.expected(), open(uri).read(VersionOneJournal.SWEEP));
        assertEquals(2, storedSchemaVersion(uri));
    }

    /** A batch whose second row repeats a (sweep, seq) already journaled is refused whole. */
    @Test
    void aBatchThatFailsHalfWayLeavesNothing() {
        TrialJournal j = newJournal();
        j.append(List.of(Journals.row("s1", 1, TrialStatus.RUNNING, 0)));
        assertThrows(IllegalStateException.class, () -> j.append(List.of(
                Journals.row("s1", 2, TrialStatus.COMPLETED, 0.3), Journals.row("s1", 1, TrialStatus.COMPLETED, 0.3))));
        assertEquals(1, j.read("s1").size());
    }

    @Test
    void aRecommendationsTableIsNotOpenedAsAJournal() {
        JdbcTarget t = PG.newTable("kind");
        new JdbcRecommendationTable(t, PG.password()).createIfAbsent();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new JdbcTrialJournal(t, PG.password()));
        assertEquals(true, e.getMessage().contains("not a trials table"), e.getMessage());
    }
}
