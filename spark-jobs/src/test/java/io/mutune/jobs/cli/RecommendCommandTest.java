package io.mutune.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.jobs.session.MutuneSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code mutune recommend} on a Delta table on local Spark. */
class RecommendCommandTest {
    @TempDir
    Path dir;

    /** lr = 0.32 * width^-0.5, published at width 1024 (0.01). */
    private String table() {
        SparkSession spark = MutuneSpark.getOrCreate("local[1]");
        String uri = "delta:" + dir.resolve("recs");
        Tables.recommendations(spark, uri).publish("nightly-1", List.of(new RecommendationRow("gpt", "mup", "adamw",
                Map.of("width", 1024.0), "lr", 0.01, 0.005, 0.02, "power-law", Map.of("intercept", Math.log(0.32), "width", -0.5),
                "{}", 40, 4, 0.95, 0.04, "fitted", "nightly-1", 0, Instant.EPOCH)));
        return uri;
    }

    private static JsonNode run(String... args) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] all = new String[args.length + 1];
        all[0] = "recommend";
        System.arraycopy(args, 0, all, 1, args.length);
        assertEquals(0, MutuneCli.run(all, new PrintStream(bytes, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
                err.toString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(bytes.toString(StandardCharsets.UTF_8));
    }

    /** Exit code and error output of a command that must fail. */
    private static String fails(String... args) {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MutuneCli.run(args, new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(ExitCodes.USER_ERROR, code);
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsPublishedAndRuleComputedValuesWithProvenance() throws Exception {
        String uri = table();
        JsonNode exact = run("--table", uri, "--family", "gpt", "--width", "1024").path("hyperparameters").path("lr");
        assertEquals(0.01, exact.path("value").asDouble(), 1e-12);
        assertEquals("published", exact.path("source").asText());
        assertEquals("nightly-1", exact.path("provenance").path("sweep_id").asText());

        JsonNode computed = run("--table", uri, "--family", "gpt", "--width", "4096", "--sweep", "nightly-1").path("hyperparameters").path("lr");
        assertEquals(0.005, computed.path("value").asDouble(), 1e-12);
        assertEquals("rule", computed.path("source").asText());
        assertEquals("fitted", computed.path("provenance").path("verdict").asText());
        assertEquals(0.0025, computed.path("interval").get(0).asDouble(), 1e-12);
    }

    @Test
    void aPinnedPublishIsReadWithoutSpark() throws Exception {
        String uri = table();
        Tables.recommendations(MutuneSpark.getOrCreate("local[1]"), uri).publish("nightly-2", List.of(new RecommendationRow("gpt", "mup", "adamw",
                Map.of("width", 1024.0), "lr", 0.02, 0.01, 0.04, "power-law", Map.of("intercept", Math.log(0.64), "width", -0.5),
                "{}", 40, 4, 0.95, 0.04, "fitted", "nightly-2", 0, Instant.EPOCH)));
        assertEquals(0.02, run("--table", uri, "--family", "gpt", "--width", "1024").path("hyperparameters").path("lr").path("value").asDouble(), 1e-12);
        assertEquals(0.01, run("--table", uri, "--family", "gpt", "--width", "1024", "--version", "1")
                .path("hyperparameters").path("lr").path("value").asDouble(), 1e-12);
        assertEquals(0.01, run("--table", uri, "--family", "gpt", "--width=1024", "--sweep=nightly-1")
                .path("hyperparameters").path("lr").path("value").asDouble(), 1e-12);
    }

    @Test
    void badFlagsAreNamed() {
        String e = fails("recommend", "--table", "delta:/x", "--family", "gpt", "--width", "wide");
        assertTrue(e.startsWith("mutune recommend: ") && e.contains("--width") && e.contains("wide"), e);
        e = fails("recommend", "--family", "gpt", "--width", "1");
        assertTrue(e.contains("--table"), e);
        e = fails("recommend", "--table", "delta:/x", "--family", "gpt", "--version", "1", "--sweep", "s");
        assertTrue(e.contains("mutually exclusive"), e);
    }
}
