package io.mutune.connectors.jdbc;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationSchema;
import io.mutune.connectors.recommend.RecommendationStatistics;
import io.mutune.connectors.recommend.RecommendationValidation;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The recommendations table's columns on PostgreSQL (the same names as on Delta) and row conversion. */
final class JdbcRecommendationColumns {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Every column, in table order: the same names and order as {@link RecommendationSchema#SCHEMA}. */
    static final List<String> NAMES = List.of(RecommendationSchema.SCHEMA.fieldNames());

    /** Column definitions, in {@link #NAMES} order; the version-2 columns are typed as the migration adds them. */
    static final String DEFINITIONS = """
            family text NOT NULL, parametrization text NOT NULL, optimizer text NOT NULL,
            target_width double precision, target_depth double precision, target_tokens double precision, target_batch double precision,
            hyperparameter text NOT NULL,
            value double precision NOT NULL, lower double precision NOT NULL, upper double precision NOT NULL,
            rule_form text NOT NULL, rule_coefficients jsonb NOT NULL, rule text,
            evidence_trials integer NOT NULL, evidence_scale_points integer NOT NULL, fit_quality double precision NOT NULL,
            validation_log_error double precision,
            verdict text NOT NULL, sweep_id text NOT NULL, version bigint NOT NULL, created_at timestamptz NOT NULL""" + ", "
            + java.util.Arrays.stream(RecommendationSchema.V2_COLUMNS.fields()).map(f -> f.name() + " " + JdbcMigration.type(f.dataType()))
                    .collect(java.util.stream.Collectors.joining(", "));

    /** The upsert key; an axis a target does not set is NULL, compared with IS NOT DISTINCT FROM. */
    static final List<String> KEY = List.of(RecommendationSchema.KEY);

    private JdbcRecommendationColumns() { }

    static String list() {
        return String.join(", ", NAMES);
    }

    /**
     * {@link #list()} for a table of schema version {@code stored}, which a reader reads as it is:
     * a column added since then is selected as a typed NULL under its name, as a migration would
     * have left it.
     */
    static String list(int stored) {
        java.util.Set<String> there = java.util.Set.of(RecommendationSchema.TABLE.columnsAt(stored).fieldNames());
        StringBuilder b = new StringBuilder();
        for (org.apache.spark.sql.types.StructField f : RecommendationSchema.SCHEMA.fields()) {
            b.append(b.length() == 0 ? "" : ", ")
                    .append(there.contains(f.name()) ? f.name() : "NULL::" + JdbcMigration.type(f.dataType()) + " AS " + f.name());
        }
        return b.toString();
    }

    static String placeholders() {
        StringBuilder b = new StringBuilder();
        for (String n : NAMES) {
            b.append(b.length() == 0 ? "" : ", ").append(n.equals("rule_coefficients") ? "?::jsonb" : "?");
        }
        return b.toString();
    }

    /** Binds {@code r} to parameters {@code from} .. {@code from + NAMES.size() - 1}. */
    static void bind(PreparedStatement s, int from, RecommendationRow r) throws SQLException {
        int i = from;
        s.setString(i++, r.family());
        s.setString(i++, r.parametrization());
        s.setString(i++, r.optimizer());
        for (String axis : RecommendationSchema.AXES) {
            setDouble(s, i++, r.targetScale().get(axis));
        }
        s.setString(i++, r.hyperparameter());
        s.setDouble(i++, r.value());
        s.setDouble(i++, r.lower());
        s.setDouble(i++, r.upper());
        s.setString(i++, r.ruleForm());
        s.setString(i++, json(r.coefficients()));
        s.setString(i++, r.ruleJson());
        s.setInt(i++, r.evidenceTrials());
        s.setInt(i++, r.evidenceScalePoints());
        s.setDouble(i++, r.fitQuality());
        setDouble(s, i++, r.validationLogError());
        s.setString(i++, r.verdict());
        s.setString(i++, r.sweepId());
        s.setLong(i++, r.version());
        s.setTimestamp(i++, Timestamp.from(r.createdAt()));
        RecommendationStatistics st = r.statistics();
        setDouble(s, i++, st.noiseSd());
        setDouble(s, i++, st.noiseSdLower());
        setDouble(s, i++, st.noiseSdUpper());
        setInt(s, i++, st.noiseDf());
        setDouble(s, i++, st.verdictConfidence());
        setDouble(s, i++, st.fitPValue());
        s.setString(i++, st.verdictReason());
        setDouble(s, i++, st.predictedLoss());
        setDouble(s, i++, st.predictedLossLower());
        setDouble(s, i++, st.predictedLossUpper());
        setDouble(s, i++, st.sensitivityHalf());
        setDouble(s, i++, st.sensitivityDouble());
        bindValidation(s, i, r.validation());
    }

    /** Binds the validated_* columns (null when {@code v} is) from {@code i}; returns the next index. */
    static int bindValidation(PreparedStatement s, int from, RecommendationValidation v) throws SQLException {
        int i = from;
        setDouble(s, i++, v == null ? null : v.gap());
        setDouble(s, i++, v == null ? null : v.lrRatio());
        setInt(s, i++, v == null ? null : v.seeds());
        s.setString(i++, v == null ? null : v.at());
        s.setString(i++, v == null ? null : v.sweepId());
        return i;
    }

    /** Binds the key of {@code r} to parameters {@code from} .. {@code from + KEY.size() - 1}. */
    static void bindKey(PreparedStatement s, int from, RecommendationRow r) throws SQLException {
        int i = from;
        s.setString(i++, r.family());
        s.setString(i++, r.parametrization());
        s.setString(i++, r.optimizer());
        for (String axis : RecommendationSchema.AXES) {
            setDouble(s, i++, r.targetScale().get(axis));
        }
        s.setString(i, r.hyperparameter());
    }

    static String keyCondition() {
        StringBuilder b = new StringBuilder();
        for (String k : KEY) {
            b.append(b.length() == 0 ? "" : " AND ").append(k).append(k.startsWith("target_") ? " IS NOT DISTINCT FROM ?" : " = ?");
        }
        return b.toString();
    }

    static RecommendationRow read(ResultSet r) throws SQLException {
        Map<String, Double> scale = new LinkedHashMap<>();
        for (String axis : RecommendationSchema.AXES) {
            double d = r.getDouble("target_" + axis);
            if (!r.wasNull()) {
                scale.put(axis, d);
            }
        }
        RecommendationStatistics stats = new RecommendationStatistics(doubleOrNull(r, "noise_sd"), doubleOrNull(r, "noise_sd_lower"),
                doubleOrNull(r, "noise_sd_upper"), intOrNull(r, "noise_df"), doubleOrNull(r, "verdict_confidence"),
                doubleOrNull(r, "fit_p_value"), r.getString("verdict_reason"), doubleOrNull(r, "predicted_loss"),
                doubleOrNull(r, "predicted_loss_lower"), doubleOrNull(r, "predicted_loss_upper"), doubleOrNull(r, "sensitivity_half"),
                doubleOrNull(r, "sensitivity_double"));
        return new RecommendationRow(r.getString("family"), r.getString("parametrization"), r.getString("optimizer"), scale,
                r.getString("hyperparameter"), r.getDouble("value"), r.getDouble("lower"), r.getDouble("upper"),
                r.getString("rule_form"), coefficients(r.getString("rule_coefficients")), r.getString("rule"),
                r.getInt("evidence_trials"), r.getInt("evidence_scale_points"), r.getDouble("fit_quality"),
                doubleOrNull(r, "validation_log_error"), r.getString("verdict"), r.getString("sweep_id"), r.getLong("version"),
                r.getTimestamp("created_at").toInstant(), stats,
                RecommendationSchema.validation(doubleOrNull(r, "validated_gap"), doubleOrNull(r, "validated_lr_ratio"),
                        intOrNull(r, "validated_seeds"), r.getString("validated_at"), r.getString("validated_sweep")));
    }

    private static Double doubleOrNull(ResultSet r, String column) throws SQLException {
        double d = r.getDouble(column);
        return r.wasNull() ? null : d;
    }

    private static Integer intOrNull(ResultSet r, String column) throws SQLException {
        int v = r.getInt(column);
        return r.wasNull() ? null : v;
    }

    private static void setInt(PreparedStatement s, int i, Integer v) throws SQLException {
        if (v == null) {
            s.setNull(i, Types.INTEGER);
        } else {
            s.setInt(i, v);
        }
    }

    private static void setDouble(PreparedStatement s, int i, Double d) throws SQLException {
        if (d == null) {
            s.setNull(i, Types.DOUBLE);
        } else {
            s.setDouble(i, d);
        }
    }

    private static String json(Map<String, Double> m) {
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new IllegalArgumentException("rule coefficients cannot be written as JSON: " + m, e);
        }
    }

    private static Map<String, Double> coefficients(String json) {
        try {
            return JSON.readValue(json, new TypeReference<LinkedHashMap<String, Double>>() { });
        } catch (IOException e) {
            throw new IllegalArgumentException("rule_coefficients is not a JSON object of numbers: " + json, e);
        }
    }
}
