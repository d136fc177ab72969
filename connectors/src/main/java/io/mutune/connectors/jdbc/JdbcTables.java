package io.mutune.connectors.jdbc;

import io.mutune.connectors.table.SchemaVersions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

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
                check(c, db, kind, version, columns);
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

    /** Whether the target's table exists; creates nothing. */
    static boolean exists(JdbcConnections db) {
        try (Connection c = db.open()) {
            return exists(c, db.target().table());
        } catch (SQLException e) {
            throw db.failure("looking for", e);
        }
    }

    /**
     * Checks, creating and altering nothing, that the table is a mutune table of {@code kind} with
     * a readable schema version and the {@code columns} this mutune reads, if it exists. For
     * readers, which must never create a table: returns false when there is none.
     */
    static boolean checkIfPresent(JdbcConnections db, String kind, int version, List<String> columns) {
        String table = db.target().table();
        try (Connection c = db.open()) {
            if (!exists(c, table)) {
                return false;
            }
            if (!exists(c, REGISTRY)) {
                SchemaVersions.requireReadable(db.target().toString(), null, version, 1);
            }
            check(c, db, kind, version, columns);
            return true;
        } catch (SQLException e) {
            throw db.failure("reading", e);
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

    private static void check(Connection c, JdbcConnections db, String kind, int version, List<String> columns) throws SQLException {
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
        // Version 1 is the first mutune schema: nothing older to migrate from yet.
        SchemaVersions.requireReadable(db.target().toString(), storedVersion, version, 1);
        Set<String> have = new TreeSet<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = ?")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    have.add(r.getString(1));
                }
            }
        }
        for (String col : columns) {
            if (!have.contains(col)) {
                throw new IllegalArgumentException("table " + db.target() + " is not a mutune " + kind + " table of schema version "
                        + storedVersion + ": it has no column '" + col + "' (it has " + have + ")");
            }
        }
    }
}
