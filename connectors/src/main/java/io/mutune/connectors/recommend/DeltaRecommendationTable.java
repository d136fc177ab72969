package io.mutune.connectors.recommend;

import io.delta.tables.DeltaTable;
import io.mutune.connectors.table.DeltaTables;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The recommendations as a Delta table, upserted with MERGE. Delta keeps every version, so a
 * launcher can pin the one it used (time travel); the commit's user metadata names the sweep.
 */
public final class DeltaRecommendationTable implements RecommendationTable {
    private static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";
    private final SparkSession spark;
    private final String path;

    public DeltaRecommendationTable(SparkSession spark, String path) {
        this.spark = spark;
        this.path = path;
        DeltaTables.checkSchema(spark, path, RecommendationSchema.SCHEMA, RecommendationSchema.VERSION_PROPERTY, RecommendationSchema.VERSION);
    }

    @Override
    public synchronized long publish(String sweepId, List<RecommendationRow> rows) {
        DeltaTables.createIfAbsent(spark, path, RecommendationSchema.SCHEMA, RecommendationSchema.VERSION_PROPERTY, RecommendationSchema.VERSION);
        DeltaTable table = DeltaTable.forPath(spark, path);
        Row max = table.toDF().agg(functions.max("version")).first();
        long version = (max.isNullAt(0) ? 0L : max.getLong(0)) + 1;
        Instant now = Instant.now();
        List<Row> sparkRows = rows.stream().map(r -> RecommendationSchema.toRow(r.withVersion(version, now))).toList();
        Dataset<Row> updates = spark.createDataFrame(sparkRows, RecommendationSchema.SCHEMA);
        // Null-safe equality: an axis the target does not set is NULL on both sides.
        String condition = Arrays.stream(RecommendationSchema.KEY)
                .map(k -> "t.`" + k + "` <=> s.`" + k + "`").collect(Collectors.joining(" AND "));
        String previous = spark.conf().getOption(USER_METADATA).getOrElse(() -> null);
        spark.conf().set(USER_METADATA, "mutune publish sweep_id=" + sweepId);
        try {
            table.as("t").merge(updates.as("s"), condition)
                    .whenMatched().updateAll()
                    .whenNotMatched().insertAll()
                    .execute();
        } finally {
            if (previous == null) {
                spark.conf().unset(USER_METADATA);
            } else {
                spark.conf().set(USER_METADATA, previous);
            }
        }
        return version;
    }

    @Override
    public List<RecommendationRow> current() {
        if (!DeltaTables.exists(spark, path)) {
            return List.of();
        }
        return spark.read().format("delta").load(path).collectAsList().stream().map(RecommendationSchema::fromRow).toList();
    }

    @Override
    public String location() {
        return "delta:" + path;
    }
}
