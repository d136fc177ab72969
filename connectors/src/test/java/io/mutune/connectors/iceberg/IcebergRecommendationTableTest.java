package io.mutune.connectors.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.LocalSpark;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.connectors.recommend.PublishMetadata;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationSchema;
import io.mutune.connectors.recommend.RecommendationTableV2Contract;
import io.mutune.connectors.recommend.Recs;
import io.mutune.connectors.recommend.VersionOneRows;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.iceberg.spark.CommitMetadata;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcebergRecommendationTableTest extends RecommendationTableV2Contract {
    private static final SparkSession SPARK = LocalSpark.session();
    @TempDir
    static Path warehouse;
    private static int tables;

    @Override
    protected RecommendationTable newTable() {
        return Tables.recommendations(SPARK, "iceberg:" + warehouse + "#mutune.recs" + (tables++));
    }

    @Override
    protected RecommendationTable reopen(RecommendationTable table) {
        return Tables.recommendations(SPARK, table.location());
    }

    @Override
    protected String versionOneTable(List<RecommendationRow> rows) {
        IcebergLocation at = IcebergLocation.parse(warehouse + "#mutune.v1_" + (tables++));
        String name = at.register(SPARK);
        SPARK.sql("CREATE NAMESPACE IF NOT EXISTS `" + at.catalog() + "`.mutune");
        SPARK.sql("CREATE TABLE " + name + " (" + VersionOneRows.COLUMNS.toDDL() + ") USING iceberg TBLPROPERTIES ('format-version' = '2', '"
                + RecommendationSchema.VERSION_PROPERTY + "' = '1')");
        String meta = new PublishMetadata("v1-sweep", 1, rows.size(), "v1").toJson();
        try {
            CommitMetadata.withCommitProperties(Map.of(IcebergRecommendationTable.SUMMARY_KEY, meta), () -> {
                SPARK.createDataFrame(rows.stream().map(VersionOneRows::sparkRow).toList(), VersionOneRows.COLUMNS).writeTo(name).append();
                return null;
            }, Exception.class);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return at.toString();
    }

    @Override
    protected RecommendationTable open(String uri) {
        return Tables.recommendations(SPARK, uri);
    }

    @Override
    protected int storedSchemaVersion(String uri) {
        String name = IcebergLocation.parse(uri.substring("iceberg:".length())).register(SPARK);
        return Integer.parseInt(SPARK.sql("SHOW TBLPROPERTIES " + name).where("key = '" + RecommendationSchema.VERSION_PROPERTY + "'")
                .first().getString(1));
    }

    /** The migration writes one new metadata file (one commit) holding both the columns and the version, and no snapshot. */
    @Test
    void theMigrationIsOneMetadataCommit() {
        String uri = versionOneTable(List.of(Recs.row("lr", 1024, 0.01, "v1-sweep").withVersion(1, V1_TIME)));
        String name = IcebergLocation.parse(uri.substring("iceberg:".length())).register(SPARK);
        long metadataBefore = SPARK.sql("SELECT * FROM " + name + ".metadata_log_entries").count();
        long snapshotsBefore = SPARK.sql("SELECT * FROM " + name + ".snapshots").count();
        open(uri);
        assertEquals(metadataBefore + 1, SPARK.sql("SELECT * FROM " + name + ".metadata_log_entries").count());
        assertEquals(snapshotsBefore, SPARK.sql("SELECT * FROM " + name + ".snapshots").count());
        open(uri);
        assertEquals(metadataBefore + 1, SPARK.sql("SELECT * FROM " + name + ".metadata_log_entries").count(), "not migrated twice");
    }

    @Test
    void aTableNameThatTriesSqlInjectionIsRejected() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Tables.recommendations(SPARK, "iceberg:" + warehouse + "#mutune.recs` USING x; DROP TABLE y; --"));
        assertTrue(e.getMessage().contains("DROP TABLE"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Tables.recommendations(SPARK, "iceberg:" + warehouse + "#mu`tune.recs"));
        assertThrows(IllegalArgumentException.class, () -> Tables.recommendations(SPARK, "iceberg:" + warehouse + "#recs"));
    }

    @Test
    void aForeignIcebergTableIsRefused() {
        IcebergLocation at = IcebergLocation.parse(warehouse + "#mutune.foreign");
        String name = at.register(SPARK);
        SPARK.sql("CREATE NAMESPACE IF NOT EXISTS `" + at.catalog() + "`.mutune");
        SPARK.sql("CREATE TABLE " + name + " (family STRING) USING iceberg");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new IcebergRecommendationTable(SPARK, at));
        assertTrue(e.getMessage().contains("not a mutune table"), e.getMessage());
    }
}
