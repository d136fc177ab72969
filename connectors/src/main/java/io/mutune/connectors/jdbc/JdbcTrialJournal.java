package io.mutune.connectors.jdbc;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.JournalSchema;
import io.mutune.connectors.journal.JournalV1Rows;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.table.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The trial journal as a PostgreSQL table. Each {@link #append} is one transaction, so a batch is
 * visible whole or not at all; (sweep_id, seq) is the primary key, so a replayed append fails
 * loudly instead of doubling a trial.
 */
public final class JdbcTrialJournal implements TrialJournal {
    static final String KIND = "trials";
    private final JdbcConnections db;
    private final String table;

    public JdbcTrialJournal(JdbcTarget target, JdbcPassword password) {
        this.db = new JdbcConnections(target, password);
        this.table = Identifiers.quoteDouble("journal table", target.table());
        // A version-1 table is migrated here, in the transaction that checks it (JdbcMigration).
        JdbcTables.createOrCheck(db, KIND, JournalSchema.TABLE, List.of("CREATE TABLE " + table + " (" + JdbcJournalColumns.DEFINITIONS + ")"),
                List.of(table));
    }

    /** Nothing left to do: the constructor created or checked the table. */
    @Override
    public void createIfAbsent() {
        // Created (or checked) on open, under the registry's lock.
    }

    @Override
    public void append(List<JournalRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        try (Connection c = db.open()) {
            c.setAutoCommit(false);
            try (PreparedStatement s = c.prepareStatement(JdbcJournalColumns.insert(table))) {
                for (JournalRow r : rows) {
                    JdbcJournalColumns.bind(s, r);
                    s.addBatch();
                }
                s.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw db.failure("appending " + rows.size() + " rows to", e);
        }
    }

    @Override
    public List<JournalRow> read(String sweepId) {
        List<JournalRow> out = new ArrayList<>();
        try (Connection c = db.open();
             PreparedStatement s = c.prepareStatement("SELECT " + String.join(", ", JdbcJournalColumns.NAMES) + " FROM " + table
                     + " WHERE sweep_id = ? ORDER BY seq")) {
            s.setString(1, sweepId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(JdbcJournalColumns.read(r));
                }
            }
        } catch (SQLException e) {
            throw db.failure("reading", e);
        }
        return JournalV1Rows.recover(out);
    }

    @Override
    public String location() {
        return db.target().toString();
    }
}
