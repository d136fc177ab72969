package io.mutune.connectors.recommend;

import io.delta.tables.DeltaTable;
import io.mutune.connectors.table.CheckedDeltaTable;
import io.mutune.connectors.table.DeltaTables;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * The recommendations as a Delta table, upserted with MERGE. Delta keeps every version, so a
 * launcher can pin the one it used (time travel); each publish's commit carries its
 * {@link PublishMetadata} as user metadata.
 *
 * <p>Concurrency: the publish version is read before the MERGE starts its transaction, so two
 * publishers could both pick the same number. Every publish therefore also commits a Delta
 * idempotent-write id ({@code txnAppId}, {@code txnVersion} = publish version): Delta makes two
 * such transactions conflict, and silently skips a write whose version is not above the last one
 * committed. A conflict or a skip (the publisher then cannot find its token in the history) is
 * retried from a fresh read.
 */
public final class DeltaRecommendationTable implements RecommendationTable {
    private static final String USER_METADATA = "spark.databricks.delta.commitInfo.userMetadata";
    private static final String TXN_APP_ID = "spark.databricks.delta.write.txnAppId";
    private static final String TXN_VERSION = "spark.databricks.delta.write.txnVersion";
    private static final String PUBLISH_APP_ID = "mutune-recommendations-publish";
    private static final ConflictRetry RETRY = new ConflictRetry(8,
            t -> t instanceof java.util.ConcurrentModificationException || t instanceof SkippedPublish);
    private final SparkSession spark;
    private final CheckedDeltaTable table;

    public DeltaRecommendationTable(SparkSession spark, String path) {
        this.spark = spark;
        this.table = new CheckedDeltaTable(spark, path, RecommendationSchema.TABLE);
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
        table.createIfAbsent();
        return RETRY.run("publish to " + location(), () -> publishOnce(sweepId, rows, force));
    }

    /**
     * The rows the rule is decided on are read after the publish version: a publish that commits in
     * between takes that version, so Delta skips this MERGE and the retry decides again.
     */
    private PublishResult publishOnce(String sweepId, List<RecommendationRow> rows, boolean force) {
        // A session of its own: commit metadata and the txn id are session settings, and another
        // thread publishing through the same session must not see ours.
        SparkSession session = spark.newSession();
        long version = lastVersion(session) + 1;
        NeverDowngrade.Plan plan = NeverDowngrade.plan(read(session.read().format("delta").load(table.path())), rows, force);
        Instant now = Instant.now();
        if (plan.write().isEmpty()) {
            return plan.result(version - 1, now);
        }
        PublishResult result = plan.result(version, now);
        merge(session, new PublishMetadata(sweepId, version, result.written().size(), UUID.randomUUID().toString()), result.written(), null);
        return result;
    }

    @Override
    public long recordValidation(List<ValidationUpdate> updates) {
        String sweepId = ValidationUpdates.requireRecordable(updates);
        if (!table.exists()) {
            throw new IllegalArgumentException("record validation " + sweepId + ": " + location() + " has no recommendations yet");
        }
        return RETRY.run("record validation in " + location(), () -> {
            SparkSession session = spark.newSession();
            long version = lastVersion(session) + 1;
            Instant now = Instant.now();
            List<RecommendationRow> rows = ValidationUpdates.apply(location(), read(session.read().format("delta").load(table.path())), updates)
                    .stream().map(r -> r.withVersion(version, now)).toList();
            Map<String, String> set = new LinkedHashMap<>();
            for (String c : RecommendationSchema.VALIDATION_PUBLISH) {
                set.put("`" + c + "`", "s.`" + c + "`");
            }
            merge(session, new PublishMetadata(sweepId, version, rows.size(), UUID.randomUUID().toString()), rows, set);
            return version;
        });
    }

    /**
     * One MERGE of {@code rows} as the publish {@code meta}: matched rows are replaced whole, or when
     * {@code set} is given only those columns are set; unmatched rows are inserted only on a whole publish.
     */
    private void merge(SparkSession session, PublishMetadata meta, List<RecommendationRow> rows, Map<String, String> set) {
        Dataset<Row> updates = session.createDataFrame(rows.stream().map(RecommendationSchema::toRow).toList(), RecommendationSchema.SCHEMA);
        // Null-safe equality: an axis the target does not set is NULL on both sides.
        String condition = Arrays.stream(RecommendationSchema.KEY)
                .map(k -> "t.`" + k + "` <=> s.`" + k + "`").collect(Collectors.joining(" AND "));
        session.conf().set(USER_METADATA, meta.toJson());
        session.conf().set(TXN_APP_ID, PUBLISH_APP_ID);
        session.conf().set(TXN_VERSION, Long.toString(meta.version()));
        // The source is a local list of rows, deterministic: materialising it first only costs a job.
        session.conf().set("spark.databricks.delta.merge.materializeSource", "none");
        io.delta.tables.DeltaMergeBuilder merge = DeltaTable.forPath(session, table.path()).as("t").merge(updates.as("s"), condition);
        if (set == null) {
            merge = merge.whenMatched().updateAll().whenNotMatched().insertAll();
        } else {
            merge = merge.whenMatched().updateExpr(set);
        }
        merge.execute();
        if (publishes(session).stream().noneMatch(p -> p.meta().token().equals(meta.token()))) {
            throw new SkippedPublish();
        }
    }

    /** From the commit log, read on the driver: cheaper than a Spark job over the rows, and the same number. */
    private long lastVersion(SparkSession session) {
        return publishes(session).stream().mapToLong(p -> p.meta().version()).max().orElse(0L);
    }

    @Override
    public List<RecommendationRow> current() {
        if (!table.exists()) {
            return List.of();
        }
        return read(table.read());
    }

    @Override
    public List<RecommendationRow> asOfVersion(long version) {
        DeltaPublish p = publishes(spark).stream().filter(c -> c.meta().version() == version).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table " + location() + " has no publish version " + version
                        + "; it has " + history().stream().map(PublishRecord::version).toList()));
        return read(spark.read().format("delta").option("versionAsOf", p.deltaVersion()).load(table.path()));
    }

    @Override
    public List<PublishRecord> history() {
        return publishes(spark).stream()
                .map(p -> new PublishRecord(p.meta().version(), p.meta().sweepId(), p.at(), p.meta().rows()))
                .toList();
    }

    /** Every publish commit, oldest first. */
    private List<DeltaPublish> publishes(SparkSession session) {
        if (!DeltaTables.exists(session, table.path())) {
            return List.of();
        }
        List<DeltaPublish> out = new ArrayList<>();
        for (Row r : DeltaTable.forPath(session, table.path()).history().select("version", "timestamp", "userMetadata").collectAsList()) {
            String user = r.isNullAt(2) ? null : r.getString(2);
            Instant at = ((Timestamp) r.get(1)).toInstant();
            PublishMetadata.parse(user).ifPresentOrElse(m -> out.add(new DeltaPublish(r.getLong(0), at, m)),
                    () -> PublishMetadata.legacySweepId(user).ifPresent(sweep -> out.add(legacyPublish(session, r.getLong(0), at, sweep))));
        }
        out.sort(Comparator.comparingLong(DeltaPublish::deltaVersion));
        return out;
    }

    /** An older mutune's publish: its version is the highest in the rows it left, its row count those rows. */
    private DeltaPublish legacyPublish(SparkSession session, long deltaVersion, Instant at, String sweepId) {
        Dataset<Row> then = session.read().format("delta").option("versionAsOf", deltaVersion).load(table.path());
        long version = then.agg(functions.max("version")).first().getLong(0);
        long rows = then.where(functions.col("version").equalTo(version)).count();
        return new DeltaPublish(deltaVersion, at, new PublishMetadata(sweepId, version, rows, ""));
    }

    private static List<RecommendationRow> read(Dataset<Row> df) {
        return df.collectAsList().stream().map(RecommendationSchema::fromRow).toList();
    }

    @Override
    public String location() {
        return table.location();
    }

    private record DeltaPublish(long deltaVersion, Instant at, PublishMetadata meta) { }

    /** Delta skipped the MERGE because another publisher committed this publish version first. */
    private static final class SkippedPublish extends RuntimeException {
        SkippedPublish() {
            super("publish skipped: its version was taken by a concurrent publisher", null, false, false);
        }
    }
}
