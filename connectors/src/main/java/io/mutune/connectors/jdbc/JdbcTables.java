package io.mutune.connectors.jdbc;

import io.mutune.connectors.table.SchemaVersions;
import io.mutune.connectors.table.TableSchema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.IntFunction;

/**
 * What every mutune table on PostgreSQL shares: the {@code mutune_tables} registry that records
 * each table's kind and schema version, creation under a lock so two first publishers do not race,
 * and the check on open that refuses a foreign or newer table instead of misreading it.
 */
final class JdbcTables {
    static final String REGISTRY = "mutune_tables";

    private JdbcTables() { }

    /**
     * Serialises writers of one table for the rest of the current transaction. Advisory locks take
     * a key, not a name: the name is hashed by the server, and passed as a parameter.
     */
    static void lock(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_advisory_xact_lock(hashtext(?))")) {
            s.setString(1, "mutune:" + table);
            s.executeQuery().close();
        }
    }

    /**
     * Creates the table (by running {@code ddl}) and registers it if it is absent, in one
     * transaction; if it is present, checks it is a mutune table of {@code kind} with a readable
     * schema version and the {@code columns} this mutune reads.
     */
    static void createOrCheck(JdbcConnections db, String kind, int version, List<String> ddl, List<String> columns) {
        createOrCheck(db, kind, version, version, ddl, stored -> columns, stored -> List.of(), stored -> Map.of());
    }

    /**
     * As {@link #createOrCheck(JdbcConnections, String, int, List, List)} for a table whose schema
     * has older versions: a table of one is migrated by altering {@code altered} (quoted names: the
     * table and any companion tables with the same columns) and recording the new version, in the
     * same transaction as the check, so the migration commits whole or not at all.
     */
    static void createOrCheck(JdbcConnections db, String kind, TableSchema schema, List<String> ddl, List<String> altered) {
        createOrCheck(db, kind, schema.version(), schema.oldestReadable(), ddl,
                stored -> List.of(schema.columnsAt(stored).fieldNames()),
                stored -> JdbcMigration.statements(schema, stored, altered), stored -> JdbcMigration.addedTypes(schema, stored));
    }

    private static void createOrCheck(JdbcConnections db, String kind, int version, int oldest, List<String> ddl,
                                      IntFunction<List<String>> columnsAt, IntFunction<List<String>> migration,
                                      IntFunction<Map<String, String>> addedTypes) {
        String table = db.target().table();
        if (table.equalsIgnoreCase(REGISTRY)) {
            throw new IllegalArgumentException("table parameter of " + db.target().driverUrl() + ": '" + table
                    + "' is mutune's own registry of tables; pick another name");
        }
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            // Two first opens of different tables would race on creating the registry itself.
            lock(c, REGISTRY);
            lock(c, table);
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + REGISTRY
                        + " (table_name text PRIMARY KEY, kind text NOT NULL, schema_version integer NOT NULL, created_at timestamptz NOT NULL DEFAULT now())");
            }
            boolean exists = exists(c, table);
            if (exists) {
                int stored = check(c, db, kind, version, oldest, columnsAt);
                if (stored < version) {
                    migrate(c, table, version, migration.apply(stored));
                    requireColumns(c, db, kind, version, columnsAt.apply(version));
                    requireTypes(c, db, version, stored, addedTypes.apply(stored));
                }
            } else {
                try (Statement s = c.createStatement()) {
                    for (String statement : ddl) {
                        s.execute(statement);
                    }
                }
                try (PreparedStatement s = c.prepareStatement("INSERT INTO " + REGISTRY + " (table_name, kind, schema_version) VALUES (?, ?, ?)")) {
                    s.setString(1, table);
                    s.setString(2, kind);
                    s.setInt(3, version);
                    s.executeUpdate();
                }
            }
            c.commit();
        } catch (SQLException e) {
            throw db.failure("opening", e);
        }
    }

    private static void migrate(Connection c, String table, int version, List<String> statements) throws SQLException {
        try (Statement s = c.createStatement()) {
            for (String statement : statements) {
                s.execute(statement);
            }
        }
        try (PreparedStatement s = c.prepareStatement("UPDATE " + REGISTRY + " SET schema_version = ? WHERE table_name = ?")) {
            s.setInt(1, version);
            s.setString(2, table);
            s.executeUpdate();
        }
    }

    /** Whether the target's table exists; creates nothing. */
    static boolean exists(JdbcConnections db) {
        try (Connection c = db.open()) {
            return exists(c, db.target().table());
        } catch (SQLException e) {
            throw db.failure("looking for", e);
        }
    }

    /**
     * For readers, which never create or alter a table: 0 when the target's table does not exist,
     * else its stored schema version once it is checked to be a mutune table of {@code kind} with
     * that version's columns. An older version is read as it is, not migrated.
     */
    static int storedVersionIfPresent(JdbcConnections db, String kind, TableSchema schema) {
        try (Connection c = db.open()) {
            if (!exists(c, db.target().table())) {
                return 0;
            }
            if (!exists(c, REGISTRY)) {
                SchemaVersions.requireReadable(db.target().toString(), null, schema.version(), schema.oldestReadable());
            }
            return check(c, db, kind, schema.version(), schema.oldestReadable(), stored -> List.of(schema.columnsAt(stored).fieldNames()));
        } catch (SQLException e) {
            throw db.failure("reading", e);
        }
    }

    /**
     * Fails when a column the migration adds has another type: it existed before (ADD COLUMN IF NOT
     * EXISTS left it), made by someone else. Checked after the ALTER, which holds the table's lock,
     * so no one changes it in between; the exception rolls the whole migration back.
     */
    private static void requireTypes(Connection c, JdbcConnections db, int version, int stored, Map<String, String> types)
            throws SQLException {
        for (Map.Entry<String, String> t : types.entrySet()) {
            try (PreparedStatement s = c.prepareStatement("SELECT format_type(atttypid, atttypmod), atttypid = to_regtype(?)"
                    + " FROM pg_attribute WHERE attrelid = to_regclass(?) AND attname = ? AND NOT attisdropped")) {
                s.setString(1, t.getValue());
                s.setString(2, '"' + db.target().table() + '"');
                s.setString(3, t.getKey());
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && !r.getBoolean(2)) {
                        throw new IllegalArgumentException("table " + db.target() + " has a column '" + t.getKey() + "' of type "
                                + r.getString(1) + ", which mutune's schema version " + version + " adds as " + t.getValue()
                                + "; the table is unchanged (schema version " + stored + "): drop or rename that column,"
                                + " or point the spec at another table");
                    }
                }
            }
        }
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, '"' + table + '"');
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getBoolean(1);
            }
        }
    }

    /** Checks kind, version and columns; returns the stored version. */
    private static int check(Connection c, JdbcConnections db, String kind, int version, int oldest,
                             IntFunction<List<String>> columnsAt) throws SQLException {
        String table = db.target().table();
        String storedKind = null;
        String storedVersion = null;
        try (PreparedStatement s = c.prepareStatement("SELECT kind, schema_version FROM " + REGISTRY + " WHERE table_name = ?")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                if (r.next()) {
                    storedKind = r.getString(1);
                    storedVersion = Integer.toString(r.getInt(2));
                }
            }
        }
        if (storedKind != null && !storedKind.equals(kind)) {
            throw new IllegalArgumentException("table " + db.target() + " is a mutune " + storedKind + " table, not a " + kind + " table");
        }
        int stored = SchemaVersions.requireReadable(db.target().toString(), storedVersion, version, oldest);
        requireColumns(c, db, kind, stored, columnsAt.apply(stored));
        return stored;
    }

    private static void requireColumns(Connection c, JdbcConnections db, String kind, int version, List<String> columns) throws SQLException {
        Set<String> have = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?")) {
            s.setString(1, db.target().table());
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    have.add(r.getString(1));
                }
            }
        }
        for (String col : columns) {
            if (!have.contains(col)) {
                throw new IllegalArgumentException("table " + db.target() + " is not a mutune " + kind + " table of schema version "
                        + version + ": it has no column '" + col + "' (it has " + have + ")");
            }
        }
    }
}
