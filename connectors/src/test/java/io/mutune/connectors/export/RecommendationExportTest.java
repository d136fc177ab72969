package io.mutune.connectors.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutune.connectors.LocalSpark;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationSchema;
import io.mutune.connectors.recommend.Recs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecommendationExportTest {
    private static final SparkSession SPARK = LocalSpark.session();
    @TempDir
    Path dir;

    private static final List<RecommendationRow> ROWS = List.of(
            Recs.row("lr", 1024, 0.01, "s1").withVersion(3, Instant.parse("2026-01-02T03:04:05Z")),
            Recs.row("init_std", 1024, 0.02, "s1").withVersion(3, Instant.parse("2026-01-02T03:04:05Z")));

    @Test
    void jsonExportHoldsEveryRowWithItsProvenanceAndReplacesTheOldFile() throws Exception {
        String file = dir.resolve("recs.json").toUri().toString();
        RecommendationExport.toJson(List.of(ROWS.get(0)), "delta:/lake/recs", file, SPARK.sparkContext().hadoopConfiguration());
        RecommendationExport.toJson(ROWS, "delta:/lake/recs", file, SPARK.sparkContext().hadoopConfiguration());
        JsonNode root = new ObjectMapper().readTree(dir.resolve("recs.json").toFile());
        assertEquals(RecommendationExport.JSON_FORMAT, root.path("format").asInt());
        assertEquals(2, root.path("recommendations").size());
        JsonNode lr = root.path("recommendations").get(1);
        assertEquals("lr", lr.path("hyperparameter").asText());
        assertEquals(0.01, lr.path("value").asDouble());
        assertEquals(1024.0, lr.path("target").path("width").asDouble());
        assertEquals("s1", lr.path("sweep_id").asText());
        assertEquals(3, lr.path("version").asLong());
        assertEquals("transfer_holds", lr.path("verdict").asText());
        try (var files = Files.list(dir)) {
            assertEquals(List.of("recs.json"), files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).toList());
        }
    }

    @Test
    void parquetExportReadsBackAsTheSameRows() {
        String out = dir.resolve("recs.parquet").toUri().toString();
        RecommendationExport.toParquet(SPARK, List.of(ROWS.get(1)), out);
        RecommendationExport.toParquet(SPARK, ROWS, out);
        Set<RecommendationRow> back = SPARK.read().parquet(out).collectAsList().stream().map(RecommendationSchema::fromRow)
                .collect(Collectors.toSet());
        assertEquals(Set.copyOf(ROWS), back);
    }

    /** Both exports carry the schema-version-2 columns: JSON by column name (null where unmeasured), Parquet as table columns. */
    @Test
    void theNewColumnsAreExportedAndNullWhereNotMeasured() throws Exception {
        List<RecommendationRow> rows = List.of(Recs.measured("lr", 1024, 0.01, "s1").withVersion(3, Instant.parse("2026-01-02T03:04:05Z")),
                ROWS.get(1));
        String file = dir.resolve("v2.json").toUri().toString();
        RecommendationExport.toJson(rows, "delta:/lake/recs", file, SPARK.sparkContext().hadoopConfiguration());
        JsonNode root = new ObjectMapper().readTree(dir.resolve("v2.json").toFile());
        assertEquals(RecommendationSchema.VERSION, root.path("table_schema_version").asInt());
        JsonNode initStd = root.path("recommendations").get(0);
        JsonNode lr = root.path("recommendations").get(1);
        assertEquals(0.047, lr.path("noise_sd").asDouble());
        assertEquals(14, lr.path("noise_df").asInt());
        assertEquals(0.512, lr.path("predicted_loss").asDouble());
        assertEquals(0.034, lr.path("sensitivity_double").asDouble());
        assertEquals("width=2048", lr.path("validated_at").asText());
        assertEquals("validate-1", lr.path("validated_sweep").asText());
        for (String column : RecommendationSchema.V2_COLUMNS.fieldNames()) {
            assertTrue(lr.has(column) && !lr.path(column).isNull(), column + " of the measured row: " + lr);
            assertTrue(initStd.has(column) && initStd.path(column).isNull(), column + " of the unmeasured row: " + initStd);
        }

        String out = dir.resolve("v2.parquet").toUri().toString();
        RecommendationExport.toParquet(SPARK, rows, out);
        assertEquals(Set.copyOf(rows), SPARK.read().parquet(out).collectAsList().stream().map(RecommendationSchema::fromRow)
                .collect(Collectors.toSet()));
    }
}
