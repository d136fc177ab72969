package io.mutune.connectors.direct;

import io.mutune.connectors.jdbc.JdbcConnections;
import io.mutune.connectors.jdbc.JdbcPassword;
import io.mutune.connectors.jdbc.JdbcTarget;
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
 * whatever columns the table has, so a journal written by a newer schema (a {@code replicate}
 * column, say) lists with them and an older one without.
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
        return out;
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
