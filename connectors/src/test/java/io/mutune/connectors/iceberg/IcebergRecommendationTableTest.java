package io.mutune.connectors.iceberg;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.LocalSpark;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.connectors.recommend.RecommendationTableContract;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcebergRecommendationTableTest extends RecommendationTableContract {
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
