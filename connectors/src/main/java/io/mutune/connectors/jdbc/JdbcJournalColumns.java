package io.mutune.connectors.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.JournalSchema;
import io.mutune.connectors.journal.TrialStatus;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The journal's columns on PostgreSQL (the names of {@code JournalSchema}, schema version
 * {@value JournalSchema#VERSION}) and row conversion. A table created by version 1 gets the
 * version-2 columns from {@code JdbcMigration}, at the end, as they are here.
 */
final class JdbcJournalColumns {
    private static final ObjectMapper JSON = new ObjectMapper();

    static final List<String> NAMES = List.of("sweep_id", "seq", "scale_key", "width", "depth", "tokens", "batch",
            "trial_id", "trial_number", "parent_trial", "config", "from_resource", "target_resource", "resource",
            "metrics", "curve", "status", "attempt", "executor", "gpu", "checkpoint", "seed", "message", "started_at", "finished_at",
            "bracket", "resume_from", "replicate");

    static final String DEFINITIONS = """
            sweep_id text NOT NULL, seq bigint NOT NULL, scale_key text NOT NULL,
            width double precision, depth double precision, tokens double precision, batch double precision,
            trial_id text NOT NULL, trial_number integer NOT NULL, parent_trial text, config text NOT NULL,
            from_resource bigint NOT NULL, target_resource bigint NOT NULL, resource bigint NOT NULL,
            metrics jsonb, curve text, status text NOT NULL, attempt integer NOT NULL,
            executor text, gpu text, checkpoint text, seed bigint NOT NULL, message text,
            started_at timestamptz, finished_at timestamptz,
            bracket integer, resume_from text, replicate integer,
            PRIMARY KEY (sweep_id, seq)""";

    private JdbcJournalColumns() { }

    static String insert(String table) {
        StringBuilder marks = new StringBuilder();
        for (String n : NAMES) {
            marks.append(marks.length() == 0 ? "" : ", ").append(n.equals("metrics") ? "?::jsonb" : "?");
        }
        return "INSERT INTO " + table + " (" + String.join(", ", NAMES) + ") VALUES (" + marks + ")";
    }

    static void bind(PreparedStatement s, JournalRow r) throws SQLException {
        int i = 1;
        s.setString(i++, r.sweepId());
        s.setLong(i++, r.seq());
        s.setString(i++, r.scaleKey());
        setDouble(s, i++, r.width());
        setDouble(s, i++, r.depth());
        setDouble(s, i++, r.tokens());
        setDouble(s, i++, r.batch());
        s.setString(i++, r.trialId());
        s.setInt(i++, r.number());
        s.setString(i++, r.parentTrial());
        s.setString(i++, r.configJson());
        s.setLong(i++, r.fromResource());
        s.setLong(i++, r.targetResource());
        s.setLong(i++, r.resource());
        s.setString(i++, metricsJson(r.metrics()));
        s.setString(i++, r.curveJson());
        s.setString(i++, r.status().column());
        s.setInt(i++, r.attempt());
        s.setString(i++, r.executor());
        s.setString(i++, r.gpu());
        s.setString(i++, r.checkpoint());
        s.setLong(i++, r.seed());
        s.setString(i++, r.message());
        s.setTimestamp(i++, r.startedAt() == null ? null : Timestamp.from(r.startedAt()));
        s.setTimestamp(i++, r.finishedAt() == null ? null : Timestamp.from(r.finishedAt()));
        setInt(s, i++, r.bracket());
        s.setString(i++, r.resumeFrom());
        setInt(s, i, r.replicate());
    }

    static JournalRow read(ResultSet r) throws SQLException {
        return new JournalRow(r.getString("sweep_id"), r.getLong("seq"), r.getString("scale_key"),
                getDouble(r, "width"), getDouble(r, "depth"), getDouble(r, "tokens"), getDouble(r, "batch"),
                r.getString("trial_id"), r.getInt("trial_number"), r.getString("parent_trial"), r.getString("config"),
                r.getLong("from_resource"), r.getLong("target_resource"), r.getLong("resource"),
                metrics(r.getString("metrics")), r.getString("curve"), TrialStatus.fromColumn(r.getString("status")), r.getInt("attempt"),
                r.getString("executor"), r.getString("gpu"), r.getString("checkpoint"), r.getLong("seed"), r.getString("message"),
                instant(r.getTimestamp("started_at")), instant(r.getTimestamp("finished_at")),
                getInt(r, "bracket"), r.getString("resume_from"), getInt(r, "replicate"));
    }

    /**
     * Metrics as a JSON object. JSON has no NaN or infinity, and a diverged trial's loss is one of
     * them: those are written as the strings "NaN", "Infinity", "-Infinity" and read back as doubles.
     */
    static String metricsJson(Map<String, Double> metrics) {
        Map<String, Object> out = new LinkedHashMap<>();
        metrics.forEach((k, v) -> out.put(k, v == null || v.isNaN() || v.isInfinite() ? String.valueOf(v) : v));
        try {
            return JSON.writeValueAsString(out);
        } catch (IOException e) {
            throw new IllegalArgumentException("metrics cannot be written as JSON: " + metrics, e);
        }
    }

    static Map<String, Double> metrics(String json) {
        if (json == null) {
            return Map.of();
        }
        try {
            Map<String, Object> m = JSON.readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
            Map<String, Double> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(k, v instanceof Number n ? n.doubleValue() : Double.parseDouble(String.valueOf(v))));
            return out;
        } catch (IOException | NumberFormatException e) {
            throw new IllegalArgumentException("trials.metrics is not a JSON object of numbers: " + json, e);
        }
    }

    private static void setDouble(PreparedStatement s, int i, Double d) throws SQLException {
        if (d == null) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, d);
        }
    }

    private static void setInt(PreparedStatement s, int i, Integer v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setInt(i, v);
        }
    }

    private static Integer getInt(ResultSet r, String col) throws SQLException {
        int v = r.getInt(col);
        return r.wasNull() ? null : v;
    }

    private static Double getDouble(ResultSet r, String col) throws SQLException {
        double d = r.getDouble(col);
        return r.wasNull() ? null : d;
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
