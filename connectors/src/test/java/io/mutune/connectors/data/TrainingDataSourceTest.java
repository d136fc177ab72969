package io.mutune.connectors.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.LocalSpark;
import java.nio.file.Path;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingDataSourceTest {
    private static final SparkSession SPARK = LocalSpark.session();
    @TempDir
    Path dir;

    @Test
    void featuresFromADeltaTableInOrderWithItsVersion() {
        String path = dir.resolve("features").toString();
        SPARK.sql("SELECT id, CAST(id * 0.5 AS DOUBLE) AS x, CAST(id AS INT) % 2 AS y FROM range(5)").write().format("delta").save(path);
        SPARK.sql("SELECT id + 5 AS id, CAST((id + 5) * 0.5 AS DOUBLE) AS x, CAST(id + 5 AS INT) % 2 AS y FROM range(2)")
                .write().format("delta").mode("append").save(path);
        TrainingDataSource src = TrainingDataSource.open(SPARK, "delta:" + path);
        float[][] rows = src.floats(List.of("x", "y"), "id", 6);
        assertEquals(6, rows.length);
        assertArrayEquals(new float[] {2.5f, 1f}, rows[5]);
        assertTrue(src.provenance().endsWith("@v1"), src.provenance());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> src.floats(List.of("z"), "id", 1));
        assertTrue(e.getMessage().contains("'z'"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> src.floats(List.of("x; DROP TABLE t"), "id", 1));
    }

    @Test
    void tokenArraysFromParquetAreConcatenatedUpToTheLimit() {
        String path = dir.resolve("tokens").toString();
        SPARK.sql("SELECT 2 AS doc, array(7, 8, 9) AS tokens UNION ALL SELECT 1 AS doc, array(1, 2) AS tokens").write().parquet(path);
        TrainingDataSource src = TrainingDataSource.open(SPARK, "parquet:" + path);
        assertArrayEquals(new int[] {1, 2, 7, 8}, src.tokens("tokens", "doc", 4));
        assertArrayEquals(new int[] {1, 2, 7, 8, 9}, src.tokens("tokens", "doc", 100));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TrainingDataSource.open(SPARK, "jdbc:postgresql://x/y"));
        assertTrue(e.getMessage().contains("jdbc:postgresql://x/y"), e.getMessage());
    }
}
