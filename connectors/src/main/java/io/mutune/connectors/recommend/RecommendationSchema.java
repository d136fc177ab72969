package io.mutune.connectors.recommend;

import io.mutune.connectors.table.RowColumns;
import io.mutune.connectors.table.SchemaChange;
import io.mutune.connectors.table.TableSchema;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The recommendations table's columns and the conversion of {@link RecommendationRow} to and from Spark rows.
 *
 * <p>Schema versions: 1 is the first; 2 adds the nullable columns {@link #V2_COLUMNS} at the end
 * (noise, verdict confidence and reason, lack-of-fit p-value, predicted loss, sensitivity, and the
 * {@code validated_*} columns that {@code mutune validate} fills in). A version-1 table is
 * migrated when it is opened; its rows read the new columns as null.
 */
public final class RecommendationSchema {
    public static final int VERSION = 2;
    public static final String VERSION_PROPERTY = "mutune.recommendations.schema_version";
    /** The target-scale axes, each its own nullable column so SQL users can filter on them. */
    public static final String[] AXES = {"width", "depth", "tokens", "batch"};
    /** The upsert key, in MERGE order. */
    public static final String[] KEY = {"family", "parametrization", "optimizer",
        "target_width", "target_depth", "target_tokens", "target_batch", "hyperparameter"};

    /**
     * The columns a validation publish sets on the rows it validates: the {@code validated_*}
     * columns and the publish that wrote them ({@code version}, {@code created_at}). Every other
     * column keeps its value.
     */
    public static final List<String> VALIDATION_PUBLISH = List.of("validated_gap", "validated_lr_ratio", "validated_seeds",
            "validated_at", "validated_sweep", "version", "created_at");

    /** The columns schema version 2 added, all nullable, in table order. */
    public static final StructType V2_COLUMNS = new StructType(new StructField[] {
        DataTypes.createStructField("noise_sd", DataTypes.DoubleType, true),
        DataTypes.createStructField("noise_sd_lower", DataTypes.DoubleType, true),
        DataTypes.createStructField("noise_sd_upper", DataTypes.DoubleType, true),
        DataTypes.createStructField("noise_df", DataTypes.IntegerType, true),
        DataTypes.createStructField("verdict_confidence", DataTypes.DoubleType, true),
        DataTypes.createStructField("fit_p_value", DataTypes.DoubleType, true),
        DataTypes.createStructField("verdict_reason", DataTypes.StringType, true),
        DataTypes.createStructField("predicted_loss", DataTypes.DoubleType, true),
        DataTypes.createStructField("predicted_loss_lower", DataTypes.DoubleType, true),
        DataTypes.createStructField("predicted_loss_upper", DataTypes.DoubleType, true),
        DataTypes.createStructField("sensitivity_half", DataTypes.DoubleType, true),
        DataTypes.createStructField("sensitivity_double", DataTypes.DoubleType, true),
        DataTypes.createStructField("validated_gap", DataTypes.DoubleType, true),
        DataTypes.createStructField("validated_lr_ratio", DataTypes.DoubleType, true),
        DataTypes.createStructField("validated_seeds", DataTypes.IntegerType, true),
        DataTypes.createStructField("validated_at", DataTypes.StringType, true),
        DataTypes.createStructField("validated_sweep", DataTypes.StringType, true),
    });

    private static final StructType V1_COLUMNS = new StructType(new StructField[] {
        DataTypes.createStructField("family", DataTypes.StringType, false),
        DataTypes.createStructField("parametrization", DataTypes.StringType, false),
        DataTypes.createStructField("optimizer", DataTypes.StringType, false),
        DataTypes.createStructField("target_width", DataTypes.DoubleType, true),
        DataTypes.createStructField("target_depth", DataTypes.DoubleType, true),
        DataTypes.createStructField("target_tokens", DataTypes.DoubleType, true),
        DataTypes.createStructField("target_batch", DataTypes.DoubleType, true),
        DataTypes.createStructField("hyperparameter", DataTypes.StringType, false),
        DataTypes.createStructField("value", DataTypes.DoubleType, false),
        DataTypes.createStructField("lower", DataTypes.DoubleType, false),
        DataTypes.createStructField("upper", DataTypes.DoubleType, false),
        DataTypes.createStructField("rule_form", DataTypes.StringType, false),
        DataTypes.createStructField("rule_coefficients", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), false),
        DataTypes.createStructField("rule", DataTypes.StringType, true),
        DataTypes.createStructField("evidence_trials", DataTypes.IntegerType, false),
        DataTypes.createStructField("evidence_scale_points", DataTypes.IntegerType, false),
        DataTypes.createStructField("fit_quality", DataTypes.DoubleType, false),
        DataTypes.createStructField("validation_log_error", DataTypes.DoubleType, true),
        DataTypes.createStructField("verdict", DataTypes.StringType, false),
        DataTypes.createStructField("sweep_id", DataTypes.StringType, false),
        DataTypes.createStructField("version", DataTypes.LongType, false),
        DataTypes.createStructField("created_at", DataTypes.TimestampType, false),
    });

    /** Every column of the current version, in table order. */
    public static final StructType SCHEMA = new StructType(concat(V1_COLUMNS.fields(), V2_COLUMNS.fields()));

    /** The columns, version and migration together, as every engine checks, creates and migrates the table. */
    public static final TableSchema TABLE = new TableSchema(SCHEMA, VERSION_PROPERTY, VERSION, List.of(new SchemaChange(1, V2_COLUMNS)));

    private RecommendationSchema() { }

    private static StructField[] concat(StructField[] a, StructField[] b) {
        StructField[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    public static Row toRow(RecommendationRow r) {
        Object[] v = new Object[SCHEMA.size()];
        int i = 0;
        v[i++] = r.family();
        v[i++] = r.parametrization();
        v[i++] = r.optimizer();
        for (String axis : AXES) {
            v[i++] = r.targetScale().get(axis);
        }
        v[i++] = r.hyperparameter();
        v[i++] = r.value();
        v[i++] = r.lower();
        v[i++] = r.upper();
        v[i++] = r.ruleForm();
        v[i++] = CollectionConverters.asScala(r.coefficients());
        v[i++] = r.ruleJson();
        v[i++] = r.evidenceTrials();
        v[i++] = r.evidenceScalePoints();
        v[i++] = r.fitQuality();
        v[i++] = r.validationLogError();
        v[i++] = r.verdict();
        v[i++] = r.sweepId();
        v[i++] = r.version();
        v[i++] = Timestamp.from(r.createdAt());
        RecommendationStatistics s = r.statistics();
        v[i++] = s.noiseSd();
        v[i++] = s.noiseSdLower();
        v[i++] = s.noiseSdUpper();
        v[i++] = s.noiseDf();
        v[i++] = s.verdictConfidence();
        v[i++] = s.fitPValue();
        v[i++] = s.verdictReason();
        v[i++] = s.predictedLoss();
        v[i++] = s.predictedLossLower();
        v[i++] = s.predictedLossUpper();
        v[i++] = s.sensitivityHalf();
        v[i++] = s.sensitivityDouble();
        RecommendationValidation val = r.validation();
        v[i++] = val == null ? null : val.gap();
        v[i++] = val == null ? null : val.lrRatio();
        v[i++] = val == null ? null : val.seeds();
        v[i++] = val == null ? null : val.at();
        v[i] = val == null ? null : val.sweepId();
        return RowFactory.create(v);
    }

    /**
     * The row as mutune reads it. A Spark row without the version-2 columns (a version-1 table read
     * by time travel to before its migration) reads them as null.
     */
    public static RecommendationRow fromRow(Row row) {
        return fromColumns(RowColumns.of(row));
    }

    /**
     * A row from its columns by name, as the Spark-free readers give them: numbers as Java boxes,
     * maps as {@code java.util.Map}, timestamps as {@link Instant}. Columns a newer schema added
     * are ignored.
     */
    public static RecommendationRow fromColumns(Map<String, Object> c) {
        Map<String, Double> scale = new LinkedHashMap<>();
        for (String axis : AXES) {
            Object d = c.get("target_" + axis);
            if (d != null) {
                scale.put(axis, ((Number) d).doubleValue());
            }
        }
        Map<String, Double> coefficients = new LinkedHashMap<>();
        ((Map<?, ?>) c.get("rule_coefficients")).forEach((k, val) -> coefficients.put(String.valueOf(k), ((Number) val).doubleValue()));
        RecommendationStatistics stats = new RecommendationStatistics(optionalDouble(c, "noise_sd"), optionalDouble(c, "noise_sd_lower"),
                optionalDouble(c, "noise_sd_upper"), optionalInt(c, "noise_df"), optionalDouble(c, "verdict_confidence"),
                optionalDouble(c, "fit_p_value"), (String) c.get("verdict_reason"), optionalDouble(c, "predicted_loss"),
                optionalDouble(c, "predicted_loss_lower"), optionalDouble(c, "predicted_loss_upper"), optionalDouble(c, "sensitivity_half"),
                optionalDouble(c, "sensitivity_double"));
        RecommendationValidation validation = validation(optionalDouble(c, "validated_gap"), optionalDouble(c, "validated_lr_ratio"),
                optionalInt(c, "validated_seeds"), (String) c.get("validated_at"), (String) c.get("validated_sweep"));
        return new RecommendationRow((String) c.get("family"), (String) c.get("parametrization"), (String) c.get("optimizer"), scale,
                (String) c.get("hyperparameter"), number(c, "value"), number(c, "lower"), number(c, "upper"),
                (String) c.get("rule_form"), coefficients, (String) c.get("rule"), ((Number) c.get("evidence_trials")).intValue(),
                ((Number) c.get("evidence_scale_points")).intValue(), number(c, "fit_quality"),
                optionalDouble(c, "validation_log_error"),
                (String) c.get("verdict"), (String) c.get("sweep_id"), ((Number) c.get("version")).longValue(), (Instant) c.get("created_at"),
                stats, validation);
    }

    /**
     * The validation the {@code validated_*} columns hold, or null when the row was not validated
     * (no validation sweep) or the columns are incomplete.
     */
    public static RecommendationValidation validation(Double gap, Double lrRatio, Integer seeds, String at, String sweepId) {
        if (sweepId == null || gap == null || seeds == null || at == null) {
            return null;
        }
        return new RecommendationValidation(gap, lrRatio, seeds, at, sweepId);
    }

    private static double number(Map<String, Object> c, String name) {
        return ((Number) c.get(name)).doubleValue();
    }

    /** A nullable number column; absent in a version-1 row. */
    private static Double optionalDouble(Map<String, Object> c, String name) {
        Object v = c.get(name);
        return v == null ? null : ((Number) v).doubleValue();
    }

    private static Integer optionalInt(Map<String, Object> c, String name) {
        Object v = c.get(name);
        return v == null ? null : ((Number) v).intValue();
    }
}
