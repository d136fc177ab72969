package io.mutune.connectors.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.LocalSpark;
import io.mutune.connectors.iceberg.IcebergLocation;
import io.mutune.connectors.iceberg.IcebergRecommendationTable;
import io.mutune.connectors.recommend.DeltaRecommendationTable;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationSource;
import io.mutune.connectors.recommend.RecommendationTable;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark-free readers against tables Spark wrote: the same current rows, publishes and time
 * travel as the Spark tables give, on Delta (Delta Kernel) and Iceberg (its core API).
 */
class SparkFreeRecommendationsTest {
    @TempDir
    Path dir;

    private static RecommendationRow row(String hp, double width, double value, String sweep) {
        return new RecommendationRow("gpt", "mup", "adamw", Map.of("width", width), hp, value, value / 2, value * 2, "power-law",
                Map.of("intercept", Math.log(value), "width", -0.5), "{}", 40, 4, 0.95, hp.equals("lr") ? 0.04 : null, "fitted", sweep, 0, Instant.EPOCH);
    }

    /** Two publishes: lr and init_std, then lr moved and a new width. */
    private static void publishTwice(RecommendationTable spark) {
        spark.publish("nightly-1", List.of(row("lr", 1024, 0.01, "nightly-1"), row("init_std", 1024, 0.02, "nightly-1")));
        spark.publish("nightly-2", List.of(row("lr", 1024, 0.008, "nightly-2"), row("lr", 4096, 0.004, "nightly-2")));
    }

    private static void assertSameAsSpark(RecommendationTable spark, RecommendationSource direct) {
        assertEquals(new HashSet<>(spark.current()), new HashSet<>(direct.current()));
        assertEquals(3, direct.current().size());
        assertEquals(new HashSet<>(spark.asOfVersion(1)), new HashSet<>(direct.asOfVersion(1)));
        assertEquals(0.01, direct.asOfVersion(1).stream().filter(r -> r.hyperparameter().equals("lr")).findFirst().orElseThrow().value());
        assertEquals(new HashSet<>(spark.asOfSweep("nightly-2")), new HashSet<>(direct.asOfSweep("nightly-2")));
        assertEquals(spark.history(), direct.history());
        assertEquals(List.of(1L, 2L), direct.history().stream().map(p -> p.version()).toList());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> direct.asOfVersion(7));
        assertTrue(e.getMessage().contains("no publish version 7") && e.getMessage().contains("[1, 2]"), e.getMessage());
    }

    @Test
    void deltaThroughKernelReadsWhatSparkPublished() {
        String path = dir.resolve("recs").toString();
        DeltaRecommendationTable spark = new DeltaRecommendationTable(LocalSpark.session(), path);
        publishTwice(spark);
        assertSameAsSpark(spark, new KernelRecommendations(path));
    }

    @Test
    void icebergThroughItsCoreApiReadsWhatSparkPublished() {
        IcebergLocation at = new IcebergLocation(dir.resolve("warehouse").toString(), "mutune", "recommendations");
        IcebergRecommendationTable spark = new IcebergRecommendationTable(LocalSpark.session(), at);
        publishTwice(spark);
        assertSameAsSpark(spark, new IcebergCoreRecommendations(at));
    }

    @Test
    void aFolderWithNoTableHasNoRowsAndNoPublishes() {
        assertEquals(List.of(), new KernelRecommendations(dir.resolve("none").toString()).current());
        assertEquals(List.of(), new KernelRecommendations(dir.resolve("none").toString()).history());
        assertEquals(List.of(), new IcebergCoreRecommendations(new IcebergLocation(dir.resolve("wh").toString(), "db", "t")).current());
    }
}
