package io.mutune.connectors.iceberg;

import io.mutune.connectors.recommend.ConflictRetry;
import io.mutune.connectors.recommend.NeverDowngrade;
import io.mutune.connectors.recommend.PublishMetadata;
import io.mutune.connectors.recommend.PublishRecord;
import io.mutune.connectors.recommend.PublishResult;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationRows;
import io.mutune.connectors.recommend.RecommendationSchema;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.connectors.recommend.ValidationUpdate;
import io.mutune.connectors.recommend.ValidationUpdates;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.exceptions.ValidationException;
import org.apache.iceberg.spark.CommitMetadata;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The recommendations as an Iceberg table in a Hadoop catalog, upserted with {@code MERGE INTO}.
 * Each publish is one Iceberg snapshot whose summary carries the {@link PublishMetadata} under
 * {@value #SUMMARY_KEY}; time travel reads {@code VERSION AS OF} that snapshot.
 *
 * <p>Concurrency: a Hadoop catalog commits by renaming a metadata file, which is only safe within
 * one process. Publishers of one table in this JVM therefore take turns (a lock per warehouse
 * table), and an Iceberg commit conflict is retried from a fresh read. Publishers in several
 * processes need a catalog with atomic commits (REST, Hive, JDBC), which this class does not open.
 */
public final class IcebergRecommendationTable implements RecommendationTable {
    static final String SUMMARY_KEY = "mutune.publish";
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();
    private static final ConflictRetry RETRY = new ConflictRetry(5,
            t -> t instanceof CommitFailedException || t instanceof ValidationException);
    private final SparkSession spark;
    private final CheckedIcebergTable table;

    public IcebergRecommendationTable(SparkSession spark, IcebergLocation at) {
        this.spark = spark;
        this.table = new CheckedIcebergTable(spark, at, RecommendationSchema.TABLE);
    }

    @Override
    public boolean exists() {
        return table.exists();
    }

    @Override
    public void createIfAbsent() {
        table.createIfAbsent();
    }

    @Override
    public PublishResult publish(String sweepId, List<RecommendationRow> rows, boolean force) {
        RecommendationRows.requirePublishable(sweepId, rows);
        synchronized (LOCKS.computeIfAbsent(location(), k -> new Object())) {
            table.createIfAbsent();
            return RETRY.run("publish to " + location(), () -> publishOnce(sweepId, rows, force));
        }
    }

    /** Publishers in this JVM take turns, so the rows the rule is decided on are the rows the MERGE replaces. */
    private PublishResult publishOnce(String sweepId, List<RecommendationRow> rows, boolean force) {
        long version = lastVersion() + 1;
        NeverDowngrade.Plan plan = NeverDowngrade.plan(read(spark.table(table.name())), rows, force);
        Instant now = Instant.now();
        if (plan.write().isEmpty()) {
            return plan.result(version - 1, now);
        }
        PublishResult result = plan.result(version, now);
        merge(new PublishMetadata(sweepId, version, result.written().size(), UUID.randomUUID().toString()), result.written(),
                "WHEN MATCHED THEN UPDATE SET * WHEN NOT MATCHED THEN INSERT *");
        return result;
    }

    @Override
    public long recordValidation(List<ValidationUpdate> updates) {
        String sweepId = ValidationUpdates.requireRecordable(updates);
        synchronized (LOCKS.computeIfAbsent(location(), k -> new Object())) {
            if (!table.exists()) {
                throw new IllegalArgumentException("record validation " + sweepId + ": " + location() + " has no recommendations yet");
            }
            return RETRY.run("record validation in " + location(), () -> {
                long version = lastVersion() + 1;
                Instant now = Instant.now();
                List<RecommendationRow> rows = ValidationUpdates.apply(location(), read(spark.table(table.name())), updates).stream()
                        .map(r -> r.withVersion(version, now)).toList();
                String set = RecommendationSchema.VALIDATION_PUBLISH.stream().map(c -> "t.`" + c + "` = s.`" + c + "`")
                        .collect(Collectors.joining(", "));
                merge(new PublishMetadata(sweepId, version, rows.size(), UUID.randomUUID().toString()), rows, "WHEN MATCHED THEN UPDATE SET " + set);
                return version;
            });
        }
    }

    private long lastVersion() {
        Row max = spark.table(table.name()).agg(functions.max("version")).first();
        return max.isNullAt(0) ? 0L : max.getLong(0);
    }

    /** One {@code MERGE INTO} of {@code rows} by key as the publish {@code meta}, with the given WHEN clauses. */
    private void merge(PublishMetadata meta, List<RecommendationRow> rows, String clauses) {
        Dataset<Row> updates = spark.createDataFrame(rows.stream().map(RecommendationSchema::toRow).toList(), RecommendationSchema.SCHEMA);
        String view = "mutune_publish_" + meta.token().replace("-", "");
        updates.createOrReplaceTempView(view);
        String condition = Arrays.stream(RecommendationSchema.KEY)
                .map(k -> "t.`" + k + "` <=> s.`" + k + "`").collect(Collectors.joining(" AND "));
        try {
            // Commit properties are thread-local in Iceberg: a concurrent publisher's never mix with ours.
            CommitMetadata.withCommitProperties(Map.of(SUMMARY_KEY, meta.toJson()), () -> spark.sql("MERGE INTO " + table.name() + " t USING "
                    + view + " s ON " + condition + " " + clauses).collectAsList(), RuntimeException.class);
        } finally {
            spark.catalog().dropTempView(view);
        }
    }

    @Override
    public List<RecommendationRow> current() {
        if (!table.exists()) {
            return List.of();
        }
        return read(spark.table(table.name()));
    }

    @Override
    public List<RecommendationRow> asOfVersion(long version) {
        IcebergPublish p = publishes().stream().filter(c -> c.meta().version() == version).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table " + location() + " has no publish version " + version
                        + "; it has " + history().stream().map(PublishRecord::version).toList()));
        return read(spark.sql("SELECT * FROM " + table.name() + " VERSION AS OF " + p.snapshotId()));
    }

    @Override
    public List<PublishRecord> history() {
        return publishes().stream().map(p -> new PublishRecord(p.meta().version(), p.meta().sweepId(), p.at(), p.meta().rows())).toList();
    }

    private List<IcebergPublish> publishes() {
        if (!table.exists()) {
            return List.of();
        }
        List<IcebergPublish> out = new ArrayList<>();
        for (Row r : spark.sql("SELECT snapshot_id, committed_at, summary['" + SUMMARY_KEY + "'] FROM " + table.name() + ".snapshots").collectAsList()) {
            String json = r.isNullAt(2) ? null : r.getString(2);
            PublishMetadata.parse(json).ifPresent(m -> out.add(new IcebergPublish(r.getLong(0), ((Timestamp) r.get(1)).toInstant(), m)));
        }
        out.sort(Comparator.comparingLong(p -> p.meta().version()));
        return out;
    }

    private static List<RecommendationRow> read(Dataset<Row> df) {
        return df.collectAsList().stream().map(RecommendationSchema::fromRow).toList();
    }

    @Override
    public String location() {
        return table.location();
    }

    private record IcebergPublish(long snapshotId, Instant at, PublishMetadata meta) { }
}
