package io.mutune.connectors.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
}
