package io.mutune.connectors.recommend;

import io.mutune.connectors.table.RowColumns;
import io.mutune.connectors.table.TableSchema;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/** The recommendations table's columns and the conversion of {@link RecommendationRow} to and from Spark rows. */
public final class RecommendationSchema {
    public static final int VERSION = 1;
    public static final String VERSION_PROPERTY = "mutune.recommendations.schema_version";
    /** The target-scale axes, each its own nullable column so SQL users can filter on them. */
    public static final String[] AXES = {"width", "depth", "tokens", "batch"};
    /** The upsert key, in MERGE order. */
    public static final String[] KEY = {"family", "parametrization", "optimizer",
        "target_width", "target_depth", "target_tokens", "target_batch", "hyperparameter"};

    public static final StructType SCHEMA = new StructType(new StructField[] {
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

    /** The columns and version together, as the Delta and Iceberg tables check and create them. */
    public static final TableSchema TABLE = new TableSchema(SCHEMA, VERSION_PROPERTY, VERSION);

    private RecommendationSchema() { }

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
        v[i] = Timestamp.from(r.createdAt());
        return RowFactory.create(v);
    }

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
        Object validation = c.get("validation_log_error");
        return new RecommendationRow((String) c.get("family"), (String) c.get("parametrization"), (String) c.get("optimizer"), scale,
                (String) c.get("hyperparameter"), number(c, "value"), number(c, "lower"), number(c, "upper"),
                (String) c.get("rule_form"), coefficients, (String) c.get("rule"), ((Number) c.get("evidence_trials")).intValue(),
                ((Number) c.get("evidence_scale_points")).intValue(), number(c, "fit_quality"),
                validation == null ? null : ((Number) validation).doubleValue(),
                (String) c.get("verdict"), (String) c.get("sweep_id"), ((Number) c.get("version")).longValue(), (Instant) c.get("created_at"));
    }

    private static double number(Map<String, Object> c, String name) {
        return ((Number) c.get(name)).doubleValue();
    }
}
