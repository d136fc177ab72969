package io.mutune.connectors.direct;

import io.mutune.connectors.jdbc.JdbcConnections;
import io.mutune.connectors.jdbc.JdbcPassword;
import io.mutune.connectors.jdbc.JdbcTarget;
import io.mutune.connectors.journal.JournalV1Rows;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.table.TableUri;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One sweep's journal rows, read without Spark and kept as columns by name: a listing shows
 * whatever columns the table has. Rows written without schema version 2's bracket, resume_from and
 * replicate (a version-1 table, migrated or not) list them as {@link JournalV1Rows} recovers them
 * from the RUNNING rows' notes.
 */
public final class JournalListing {
    private JournalListing() { }

    /** The rows of {@code sweepId} in {@code uri}, in {@code seq} order; an absent table has none. */
    public static List<Map<String, Object>> rows(String uri, String sweepId) {
        return rows(uri, sweepId, JdbcPassword.fromEnvironment());
    }

    /** As {@link #rows(String, String)}, with a JDBC password of the caller's. */
    public static List<Map<String, Object>> rows(String uri, String sweepId, JdbcPassword password) {
        TableUri t = TableUri.parse(uri);
        List<Map<String, Object>> all = switch (t.format()) {
            case DELTA -> {
                KernelDeltaTable delta = new KernelDeltaTable(Tables.resolve(t.location()));
                yield delta.exists() ? delta.rows(Optional.empty()) : List.of();
            }
            case ICEBERG -> {
                IcebergCoreTable iceberg = new IcebergCoreTable(DirectTables.iceberg(t.location()));
                yield iceberg.exists() ? iceberg.rows(Optional.empty()) : List.of();
            }
            case JDBC -> jdbc(JdbcTarget.parse(t.location()), sweepId, password);
            case PARQUET -> throw new IllegalArgumentException(uri + ": a journal is a delta:, iceberg: or jdbc: table, not parquet:");
        };
        List<Map<String, Object>> out = new ArrayList<>(all.stream().filter(r -> sweepId.equals(r.get("sweep_id"))).toList());
        out.sort(Comparator.comparingLong(r -> ((Number) r.get("seq")).longValue()));
        return withRequestColumns(out);
    }

    /** The rows with bracket, resume_from and replicate, recovered where a row lacks them. */
    private static List<Map<String, Object>> withRequestColumns(List<Map<String, Object>> rows) {
        List<JournalV1Rows.RowFacts> facts = rows.stream().map(JournalListing::facts).toList();
        if (facts.stream().allMatch(f -> f.recorded() != null)) {
            return rows;
        }
        List<JournalV1Rows.Request> requests = JournalV1Rows.requests(facts);
        List<Map<String, Object>> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> row = new LinkedHashMap<>(rows.get(i));
            JournalV1Rows.Request r = requests.get(i);
            row.put("bracket", r.bracket());
            row.put("resume_from", r.resumeFrom());
            row.put("replicate", r.replicate());
            out.add(row);
        }
        return out;
    }

    private static JournalV1Rows.RowFacts facts(Map<String, Object> row) {
        Object bracket = row.get("bracket");
        Object replicate = row.get("replicate");
        JournalV1Rows.Request recorded = bracket instanceof Number b && replicate instanceof Number k
                ? new JournalV1Rows.Request(b.intValue(), (String) row.get("resume_from"), k.intValue()) : null;
        return new JournalV1Rows.RowFacts((String) row.get("sweep_id"), number(row, "seq"), (String) row.get("trial_id"),
                number(row, "seed"), number(row, "from_resource"), number(row, "target_resource"),
                TrialStatus.fromColumn((String) row.get("status")), (String) row.get("message"), (String) row.get("parent_trial"), recorded);
    }

    private static long number(Map<String, Object> row, String column) {
        return ((Number) row.get(column)).longValue();
    }

    private static List<Map<String, Object>> jdbc(JdbcTarget target, String sweepId, JdbcPassword password) {
        try (Connection c = new JdbcConnections(target, password).open()) {
            if (!c.getMetaData().getTables(null, null, target.table(), null).next()) {
                return List.of();
            }
            try (PreparedStatement s = c.prepareStatement("SELECT * FROM " + target.table() + " WHERE sweep_id = ? ORDER BY seq")) {
                s.setString(1, sweepId);
                try (ResultSet r = s.executeQuery()) {
                    ResultSetMetaData meta = r.getMetaData();
                    List<Map<String, Object>> out = new ArrayList<>();
                    while (r.next()) {
                        Map<String, Object> row = new LinkedHashMap<>();
                        for (int i = 1; i <= meta.getColumnCount(); i++) {
                            Object v = r.getObject(i);
                            row.put(meta.getColumnName(i), v instanceof Timestamp ts ? ts.toInstant() : v == null ? null : plain(v));
                        }
                        out.add(row);
                    }
                    return out;
                }
            }
        } catch (SQLException e) {
            throw new IllegalArgumentException("cannot read the journal " + target + ": " + e.getMessage(), e);
        }
    }

    /** PostgreSQL's jsonb arrives as a PGobject; its text is the JSON. */
    private static Object plain(Object v) {
        return v.getClass().getName().equals("org.postgresql.util.PGobject") ? v.toString() : v;
    }
}
