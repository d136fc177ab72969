package io.mutune.connectors.jdbc;

import io.mutune.connectors.recommend.NeverDowngrade;
import io.mutune.connectors.recommend.PublishRecord;
import io.mutune.connectors.recommend.PublishResult;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationRows;
import io.mutune.connectors.recommend.RecommendationSchema;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.connectors.recommend.ValidationUpdate;
import io.mutune.connectors.recommend.ValidationUpdates;
import io.mutune.connectors.table.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The recommendations on PostgreSQL, in three tables: {@code NAME} (the current rows),
 * {@code NAME_history} (every superseded row, with the publish that superseded it) and
 * {@code NAME_publishes} (one row per publish: version, sweep id, time).
 *
 * <p>A publish is one transaction under an advisory lock on the table: a second publisher waits
 * for the first and then numbers its publish after it, so both succeed and versions follow commit
 * order. If anything fails mid-publish the transaction rolls back and the previous rows stay.
 *
 * <p>Opening connects to nothing. A publish (or {@link #createIfAbsent}) creates the tables when
 * they are missing; a read only checks them, so a launcher never creates or alters a table, and a
 * table that is not there is an error that says so.
 */
public final class JdbcRecommendationTable implements RecommendationTable {
    static final String KIND = "recommendations";
    public static final int VERSION = RecommendationSchema.VERSION;
    private final JdbcConnections db;
    private final String table;
    private final String history;
    private final String publishes;
    /** The schema version reads use: 0 until the table was found (or created) and checked. */
    private volatile int readVersion;

    public JdbcRecommendationTable(JdbcTarget target, JdbcPassword password) {
        this.db = new JdbcConnections(target, password);
        this.table = Identifiers.quoteDouble("recommendations table", target.table());
        this.history = Identifiers.quoteDouble("recommendations history table", target.table() + "_history");
        this.publishes = Identifiers.quoteDouble("recommendations publish table", target.table() + "_publishes");
    }

    private List<String> ddl() {
        String index = Identifiers.quoteDouble("key index", target().table() + "_key");
        return List.of(
                "CREATE TABLE " + table + " (" + JdbcRecommendationColumns.DEFINITIONS + ")",
                // COALESCE: a unique key whose unset axes (NULL) still compare equal, on any PostgreSQL version.
                "CREATE UNIQUE INDEX " + index + " ON " + table + " (family, parametrization, optimizer, COALESCE(target_width, -1),"
                        + " COALESCE(target_depth, -1), COALESCE(target_tokens, -1), COALESCE(target_batch, -1), hyperparameter)",
                "CREATE TABLE " + history + " (" + JdbcRecommendationColumns.DEFINITIONS
                        + ", superseded_by bigint NOT NULL, superseded_at timestamptz NOT NULL)",
                "CREATE TABLE " + publishes + " (version bigint PRIMARY KEY, sweep_id text NOT NULL, published_at timestamptz NOT NULL, row_count bigint NOT NULL)");
    }

    @Override
    public boolean exists() {
        return JdbcTables.exists(db);
    }

    @Override
    public void createIfAbsent() {
        if (readVersion != VERSION) {
            // The history table has the same columns, so a migration alters both.
            JdbcTables.createOrCheck(db, KIND, RecommendationSchema.TABLE, ddl(), List.of(table, history));
            readVersion = VERSION;
        }
    }

    /**
     * Before a read: whether the table is there (a missing one reads as empty, as on Delta), after
     * checking once that it is a mutune recommendations table this mutune reads. An older schema
     * is read as it is; only a writer migrates it.
     */
    private boolean present() {
        if (readVersion == 0) {
            readVersion = JdbcTables.storedVersionIfPresent(db, KIND, RecommendationSchema.TABLE);
        }
        return readVersion != 0;
    }

    private JdbcTarget target() {
        return db.target();
    }

    @Override
    public PublishResult publish(String sweepId, List<RecommendationRow> rows, boolean force) {
        RecommendationRows.requirePublishable(sweepId, rows);
        createIfAbsent();
        return inTransaction("publishing sweep '" + sweepId + "' to", c -> publishIn(c, sweepId, rows, force));
    }

    /** Under the table's lock: the rows the rule is decided on are the rows this transaction replaces. */
    private PublishResult publishIn(Connection c, String sweepId, List<RecommendationRow> rows, boolean force) throws SQLException {
        JdbcTables.lock(c, target().table());
        long version = nextVersion(c);
        NeverDowngrade.Plan plan = NeverDowngrade.plan(readAll(c), rows, force);
        Timestamp now = Timestamp.from(Instant.now());
        if (plan.write().isEmpty()) {
            return plan.result(version - 1, now.toInstant());
        }
        PublishResult result = plan.result(version, now.toInstant());
        recordPublish(c, version, sweepId, now, result.written().size());
        String cols = JdbcRecommendationColumns.list();
        String insert = "INSERT INTO " + table + " (" + cols + ") VALUES (" + JdbcRecommendationColumns.placeholders() + ")";
        try (PreparedStatement m = c.prepareStatement(moveToHistory()); PreparedStatement in = c.prepareStatement(insert)) {
            for (RecommendationRow r : result.written()) {
                bindMove(m, r, version, now);
                m.addBatch();
                JdbcRecommendationColumns.bind(in, 1, r);
                in.addBatch();
            }
            m.executeBatch();
            in.executeBatch();
        }
        return result;
    }

    @Override
    public long recordValidation(List<ValidationUpdate> updates) {
        String sweepId = ValidationUpdates.requireRecordable(updates);
        createIfAbsent();
        return inTransaction("recording validation '" + sweepId + "' in", c -> {
            JdbcTables.lock(c, target().table());
            long version = nextVersion(c);
            List<RecommendationRow> rows = ValidationUpdates.apply(location(), readAll(c), updates);
            Timestamp now = Timestamp.from(Instant.now());
            recordPublish(c, version, sweepId, now, rows.size());
            // The old row goes to history whole, then only the validated_* columns (and the publish that wrote them) change.
            String copy = "INSERT INTO " + history + " (" + JdbcRecommendationColumns.list() + ", superseded_by, superseded_at) SELECT "
                    + JdbcRecommendationColumns.list() + ", ?, ? FROM " + table + " WHERE " + JdbcRecommendationColumns.keyCondition();
            String set = String.join(" = ?, ", RecommendationSchema.VALIDATION_PUBLISH) + " = ?";
            String update = "UPDATE " + table + " SET " + set + " WHERE " + JdbcRecommendationColumns.keyCondition();
            try (PreparedStatement h = c.prepareStatement(copy); PreparedStatement u = c.prepareStatement(update)) {
                for (RecommendationRow r : rows) {
                    h.setLong(1, version);
                    h.setTimestamp(2, now);
                    JdbcRecommendationColumns.bindKey(h, 3, r);
                    h.addBatch();
                    int i = JdbcRecommendationColumns.bindValidation(u, 1, r.validation());
                    u.setLong(i++, version);
                    u.setTimestamp(i++, now);
                    JdbcRecommendationColumns.bindKey(u, i, r);
                    u.addBatch();
                }
                h.executeBatch();
                u.executeBatch();
            }
            return version;
        });
    }

    private long nextVersion(Connection c) throws SQLException {
        try (ResultSet r = c.createStatement().executeQuery("SELECT COALESCE(MAX(version), 0) + 1 FROM " + publishes)) {
            r.next();
            return r.getLong(1);
        }
    }

    private void recordPublish(Connection c, long version, String sweepId, Timestamp at, long rows) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("INSERT INTO " + publishes + " (version, sweep_id, published_at, row_count) VALUES (?, ?, ?, ?)")) {
            s.setLong(1, version);
            s.setString(2, sweepId);
            s.setTimestamp(3, at);
            s.setLong(4, rows);
            s.executeUpdate();
        }
    }

    /** Moves the current row of a key to history, marked as superseded by a publish. */
    private String moveToHistory() {
        String cols = JdbcRecommendationColumns.list();
        return "WITH moved AS (DELETE FROM " + table + " WHERE " + JdbcRecommendationColumns.keyCondition() + " RETURNING " + cols + ")"
                + " INSERT INTO " + history + " (" + cols + ", superseded_by, superseded_at) SELECT " + cols + ", ?, ? FROM moved";
    }

    private static void bindMove(PreparedStatement m, RecommendationRow r, long version, Timestamp now) throws SQLException {
        JdbcRecommendationColumns.bindKey(m, 1, r);
        m.setLong(JdbcRecommendationColumns.KEY.size() + 1, version);
        m.setTimestamp(JdbcRecommendationColumns.KEY.size() + 2, now);
    }

    private List<RecommendationRow> readAll(Connection c) throws SQLException {
        List<RecommendationRow> out = new ArrayList<>();
        try (ResultSet r = c.createStatement().executeQuery("SELECT " + JdbcRecommendationColumns.list() + " FROM " + table)) {
            while (r.next()) {
                out.add(JdbcRecommendationColumns.read(r));
            }
        }
        return out;
    }

    /** Runs {@code work} in one transaction that commits whole or rolls back. */
    private <T> T inTransaction(String what, Work<T> work) {
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            try {
                T out = work.run(c);
                c.commit();
                return out;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw db.failure(what, e);
        }
    }

    private interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    @Override
    public List<RecommendationRow> current() {
        if (!present()) {
            return List.of();
        }
        return query("SELECT " + JdbcRecommendationColumns.list(readVersion) + " FROM " + table, null);
    }

    @Override
    public List<RecommendationRow> asOfVersion(long version) {
        if (history().stream().noneMatch(p -> p.version() == version)) {
            throw new IllegalArgumentException("table " + location() + " has no publish version " + version
                    + "; it has " + history().stream().map(PublishRecord::version).toList());
        }
        // A key's row as of V is its newest row at or before V, current or superseded: rows only ever move to history.
        String cols = JdbcRecommendationColumns.list();
        String stored = JdbcRecommendationColumns.list(readVersion);
        String key = String.join(", ", JdbcRecommendationColumns.KEY);
        return query("SELECT DISTINCT ON (" + key + ") " + cols + " FROM (SELECT " + stored + " FROM " + table + " WHERE version <= ?"
                + " UNION ALL SELECT " + stored + " FROM " + history + " WHERE version <= ?) AS rows_then"
                + " ORDER BY " + key + ", version DESC", version);
    }

    @Override
    public List<PublishRecord> history() {
        List<PublishRecord> out = new ArrayList<>();
        if (!present()) {
            return out;
        }
        try (Connection c = db.open();
             ResultSet r = c.createStatement().executeQuery("SELECT version, sweep_id, published_at, row_count FROM " + publishes + " ORDER BY version")) {
            while (r.next()) {
                out.add(new PublishRecord(r.getLong(1), r.getString(2), r.getTimestamp(3).toInstant(), r.getLong(4)));
            }
        } catch (SQLException e) {
            throw db.failure("reading the history of", e);
        }
        return out;
    }

    private List<RecommendationRow> query(String sql, Long version) {
        List<RecommendationRow> out = new ArrayList<>();
        try (Connection c = db.open(); PreparedStatement s = c.prepareStatement(sql)) {
            if (version != null) {
                s.setLong(1, version);
                s.setLong(2, version);
            }
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(JdbcRecommendationColumns.read(r));
                }
            }
        } catch (SQLException e) {
            throw db.failure("reading", e);
        }
        return out;
    }

    @Override
    public String location() {
        return target().toString();
    }
}
