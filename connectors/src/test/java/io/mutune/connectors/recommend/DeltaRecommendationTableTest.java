package io.mutune.connectors.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.LocalSpark;
import io.mutune.connectors.table.DeltaTables;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import scala.Option;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaRecommendationTableTest extends RecommendationTableV2Contract {
    private static final SparkSession SPARK = LocalSpark.session();
    @TempDir
    Path dir;
    private int tables;

    @Override
    protected RecommendationTable newTable() {
        return new DeltaRecommendationTable(SPARK, dir.resolve("recs" + (tables++)).toString());
    }

    @Override
    protected RecommendationTable reopen(RecommendationTable table) {
        return new DeltaRecommendationTable(SPARK, table.location().substring("delta:".length()));
    }

    @Override
    protected String versionOneTable(List<RecommendationRow> rows) {
        String path = dir.resolve("v1-" + (tables++)).toString();
        DeltaTables.createIfAbsent(SPARK, path, VersionOneRows.COLUMNS, RecommendationSchema.VERSION_PROPERTY, 1);
        SparkSession old = SPARK.newSession();
        old.conf().set("spark.databricks.delta.commitInfo.userMetadata", new PublishMetadata("v1-sweep", 1, rows.size(), "v1").toJson());
        old.createDataFrame(rows.stream().map(VersionOneRows::sparkRow).toList(), VersionOneRows.COLUMNS)
                .write().format("delta").mode("append").save(path);
        return "delta:" + path;
    }

    @Override
    protected RecommendationTable open(String uri) {
        return new DeltaRecommendationTable(SPARK, uri.substring("delta:".length()));
    }

    @Override
    protected int storedSchemaVersion(String uri) {
        return Integer.parseInt(DeltaTables.storedVersion(SPARK, uri.substring("delta:".length()), RecommendationSchema.VERSION_PROPERTY));
    }

    /**
     * The migration is one Delta commit that holds both the added columns and the new version, so no
     * reader of any version sees one without the other; the commit before it has neither.
     */
    @Test
    void theMigrationIsOneCommitWithTheColumnsAndTheVersionTogether() {
        String uri = versionOneTable(List.of(Recs.row("lr", 1024, 0.01, "v1-sweep").withVersion(1, V1_TIME)));
        String path = uri.substring("delta:".length());
        DeltaLog log = DeltaLog.forTable(SPARK, path);
        long before = log.update(false, Option.empty(), Option.empty()).version();
        open(uri);
        Snapshot after = log.update(false, Option.empty(), Option.empty());
        assertEquals(before + 1, after.version(), "one commit");
        assertEquals("2", after.metadata().configuration().get(RecommendationSchema.VERSION_PROPERTY).get());
        assertTrue(List.of(after.schema().fieldNames()).containsAll(List.of(RecommendationSchema.V2_COLUMNS.fieldNames())));
        Snapshot prior = log.getSnapshotAt(before, Option.empty(), Option.empty(), false);
        assertEquals("1", prior.metadata().configuration().get(RecommendationSchema.VERSION_PROPERTY).get());
        assertFalse(List.of(prior.schema().fieldNames()).contains("noise_sd"));
        open(uri);
        assertEquals(after.version(), log.update(false, Option.empty(), Option.empty()).version(), "a migrated table is not migrated again");
    }

    /** A CHECK constraint that the second row of a publish violates makes Delta fail inside the MERGE's write. */
    @Test
    void aPublishThatFailsMidWriteLeavesThePreviousRecommendations() {
        RecommendationTable t = newTable();
        t.publish("s1", List.of(Recs.row("lr", 1024, 0.01, "s1"), Recs.row("weight_decay", 1024, 0.1, "s1")));
        String path = t.location().substring("delta:".length());
        SPARK.sql("ALTER TABLE delta.`" + path + "` ADD CONSTRAINT injected_failure CHECK (value < 100)");
        assertThrows(RuntimeException.class, () -> t.publish("s2",
                List.of(Recs.row("lr", 1024, 0.02, "s2"), Recs.row("weight_decay", 1024, 1000.0, "s2"))));
        Map<String, RecommendationRow> now = byHp(t.current());
        assertEquals(0.01, now.get("lr").value());
        assertEquals(0.1, now.get("weight_decay").value());
        assertEquals(List.of(1L), t.history().stream().map(PublishRecord::version).toList());
        assertEquals(2, t.publish("s3", List.of(Recs.row("lr", 1024, 0.03, "s3"))), "the failed publish took no version");
    }

    @Test
    void aForeignDeltaTableIsRefusedByName() {
        String path = dir.resolve("foreign").toString();
        SPARK.range(3).write().format("delta").save(path);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DeltaRecommendationTable(SPARK, path));
        assertTrue(e.getMessage().contains(path) && e.getMessage().contains("not a mutune table"), e.getMessage());
    }

    @Test
    void aTableFromANewerMutuneIsRefused() {
        RecommendationTable t = newTable();
        t.publish("s1", List.of(Recs.row("lr", 1024, 0.01, "s1")));
        String path = t.location().substring("delta:".length());
        SPARK.sql("ALTER TABLE delta.`" + path + "` SET TBLPROPERTIES ('" + RecommendationSchema.VERSION_PROPERTY + "' = '99')");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DeltaRecommendationTable(SPARK, path));
        assertTrue(e.getMessage().contains("99") && e.getMessage().contains("newer"), e.getMessage());
    }

    /**
     * A table whose publish was written by the first mutune (user metadata
     * {@code mutune publish sweep_id=ID}, no publish record): its history and time travel still read,
     * and the next publish numbers itself after it.
     */
    @Test
    void publishesOfAnOlderMutuneAreReadFromTheirRows() {
        String path = dir.resolve("legacy").toString();
        DeltaTables.createIfAbsent(SPARK, path, RecommendationSchema.SCHEMA, RecommendationSchema.VERSION_PROPERTY, RecommendationSchema.VERSION);
        SparkSession old = SPARK.newSession();
        old.conf().set("spark.databricks.delta.commitInfo.userMetadata", "mutune publish sweep_id=old-1");
        old.createDataFrame(List.of(RecommendationSchema.toRow(Recs.row("lr", 1024, 0.01, "old-1").withVersion(1, Instant.EPOCH))),
                RecommendationSchema.SCHEMA).write().format("delta").mode("append").save(path);
        RecommendationTable t = new DeltaRecommendationTable(SPARK, path);
        List<PublishRecord> history = t.history();
        assertEquals(List.of(new PublishRecord(1, "old-1", history.get(0).publishedAt(), 1)), history);
        assertEquals(0.01, t.asOfSweep("old-1").get(0).value());
        assertEquals(2, t.publish("new", List.of(Recs.row("lr", 1024, 0.03, "new"))));
    }
}
