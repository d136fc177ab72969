package io.mutune.connectors.journal;

import io.mutune.connectors.table.SchemaChange;
import io.mutune.connectors.table.TableSchema;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The journal's columns (DESIGN.md, table {@code trials}) and the conversion of
 * {@link JournalRow} to and from Spark rows. Column names are snake_case, as SQL users expect.
 */
public final class JournalSchema {
    /**
     * Bumped when a column is added or changes meaning; stored with the table and checked on open.
     * Version 2 added bracket, resume_from and replicate; a version-1 table is migrated on open.
     */
    public static final int VERSION = 2;
    public static final String VERSION_PROPERTY = "mutune.trials.schema_version";

    /** The columns of schema version 1, as version 1 created them. */
    public static final StructType V1_SCHEMA = new StructType(new StructField[] {
        DataTypes.createStructField("sweep_id", DataTypes.StringType, false),
        DataTypes.createStructField("seq", DataTypes.LongType, false),
        DataTypes.createStructField("scale_key", DataTypes.StringType, false),
        DataTypes.createStructField("width", DataTypes.DoubleType, true),
        DataTypes.createStructField("depth", DataTypes.DoubleType, true),
        DataTypes.createStructField("tokens", DataTypes.DoubleType, true),
        DataTypes.createStructField("batch", DataTypes.DoubleType, true),
        DataTypes.createStructField("trial_id", DataTypes.StringType, false),
        DataTypes.createStructField("trial_number", DataTypes.IntegerType, false),
        DataTypes.createStructField("parent_trial", DataTypes.StringType, true),
        DataTypes.createStructField("config", DataTypes.StringType, false),
        DataTypes.createStructField("from_resource", DataTypes.LongType, false),
        DataTypes.createStructField("target_resource", DataTypes.LongType, false),
        DataTypes.createStructField("resource", DataTypes.LongType, false),
        DataTypes.createStructField("metrics", DataTypes.createMapType(DataTypes.StringType, DataTypes.DoubleType), true),
        DataTypes.createStructField("curve", DataTypes.StringType, true),
        DataTypes.createStructField("status", DataTypes.StringType, false),
        DataTypes.createStructField("attempt", DataTypes.IntegerType, false),
        DataTypes.createStructField("executor", DataTypes.StringType, true),
        DataTypes.createStructField("gpu", DataTypes.StringType, true),
        DataTypes.createStructField("checkpoint", DataTypes.StringType, true),
        DataTypes.createStructField("seed", DataTypes.LongType, false),
        DataTypes.createStructField("message", DataTypes.StringType, true),
        DataTypes.createStructField("started_at", DataTypes.TimestampType, true),
        DataTypes.createStructField("finished_at", DataTypes.TimestampType, true),
    });

    /**
     * What version 2 added: the request that started the segment, on every row of it. Nullable, as
     * every added column is ({@link SchemaChange}): rows written before the migration read them as
     * null, and {@link JournalV1Rows} recovers their values from the RUNNING row's note.
     */
    public static final StructType V2_COLUMNS = new StructType(new StructField[] {
        DataTypes.createStructField("bracket", DataTypes.IntegerType, true),
        DataTypes.createStructField("resume_from", DataTypes.StringType, true),
        DataTypes.createStructField("replicate", DataTypes.IntegerType, true),
    });

    /** The columns this mutune writes: version 1's, then version 2's. */
    public static final StructType SCHEMA = new StructType(Stream.concat(Arrays.stream(V1_SCHEMA.fields()),
            Arrays.stream(V2_COLUMNS.fields())).toArray(StructField[]::new));

    /** The columns, version and migrations together, as every engine checks, creates and migrates the table. */
    public static final TableSchema TABLE = new TableSchema(SCHEMA, VERSION_PROPERTY, VERSION, List.of(new SchemaChange(1, V2_COLUMNS)));

    private JournalSchema() { }

    public static Row toRow(JournalRow r) {
        return RowFactory.create(
                r.sweepId(), r.seq(), r.scaleKey(), r.width(), r.depth(), r.tokens(), r.batch(),
                r.trialId(), r.number(), r.parentTrial(), r.configJson(),
                r.fromResource(), r.targetResource(), r.resource(),
                CollectionConverters.asScala(r.metrics()), r.curveJson(), r.status().column(), r.attempt(),
                r.executor(), r.gpu(), r.checkpoint(), r.seed(), r.message(),
                timestamp(r.startedAt()), timestamp(r.finishedAt()), r.bracket(), r.resumeFrom(), r.replicate());
    }

    /**
     * The row as stored: a row of a version-1 table (no version-2 columns) or one written without
     * them has them null; {@link JournalV1Rows#recover} fills them in.
     */
    public static JournalRow fromRow(Row row) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (!row.isNullAt(row.fieldIndex("metrics"))) {
            Map<Object, Object> m = row.getJavaMap(row.fieldIndex("metrics"));
            m.forEach((k, v) -> metrics.put(String.valueOf(k), v == null ? Double.NaN : ((Number) v).doubleValue()));
        }
        return new JournalRow(
                row.getAs("sweep_id"), row.<Long>getAs("seq"), row.getAs("scale_key"),
                row.getAs("width"), row.getAs("depth"), row.getAs("tokens"), row.getAs("batch"),
                row.getAs("trial_id"), row.<Integer>getAs("trial_number"), row.getAs("parent_trial"), row.getAs("config"),
                row.<Long>getAs("from_resource"), row.<Long>getAs("target_resource"), row.<Long>getAs("resource"),
                metrics, row.getAs("curve"), TrialStatus.fromColumn(row.getAs("status")), row.<Integer>getAs("attempt"),
                row.getAs("executor"), row.getAs("gpu"), row.getAs("checkpoint"), row.<Long>getAs("seed"), row.getAs("message"),
                instant(row.getAs("started_at")), instant(row.getAs("finished_at")),
                optional(row, "bracket"), optional(row, "resume_from"), optional(row, "replicate"));
    }

    public static List<Row> toRows(List<JournalRow> rows) {
        return rows.stream().map(JournalSchema::toRow).toList();
    }

    private static <T> T optional(Row row, String column) {
        return Arrays.asList(row.schema().fieldNames()).contains(column) ? row.getAs(column) : null;
    }

    private static Timestamp timestamp(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(Object ts) {
        return ts == null ? null : ((Timestamp) ts).toInstant();
    }
}
