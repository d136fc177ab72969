package io.mutune.jobs.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutune.connectors.jdbc.JdbcPassword;
import io.mutune.connectors.jdbc.JdbcRecommendationTable;
import io.mutune.connectors.jdbc.JdbcTarget;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.jobs.cli.MutuneCli;
import io.mutune.jobs.session.MutuneSpark;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.spec.SweepSpecParser;
import io.mutune.transfer.recommend.Recommendation;
import io.mutune.transfer.recommend.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A recommendation for a target that changes all four axes at once (width 4x, depth 4x, tokens 8x,
 * batch 4x the proxies') carries lr, weight decay, warmup, the muP multipliers and the batch size,
 * each with its rule, interval and verdict, and comes back unchanged from Delta, Iceberg and
 * PostgreSQL through {@code mutune recommend}; an unpublished target is computed from the rule
 * column alone, the timescale's weight decay included.
 */
class FourAxisRoundTripTest {
    static final Map<String, Double> TARGET = Map.of("width", 1024.0, "depth", 8.0, "tokens", 1024000.0, "batch", 256.0);
    static final List<String> PUBLISHED = List.of("lr", "weight_decay", "warmup_tokens", "init_std", "output_mult", "batch");
    @TempDir
    static Path dir;
    static SweepSpec spec;
    static List<Recommendation> recs;
    static List<RecommendationRow> rows;

    @BeforeAll
    static void recommend() {
        spec = SweepSpecParser.parse(FourAxisSweep.SPEC.replace("LAKE", dir.toString()));
        recs = FitJob.recommend(spec, FourAxisSweep.rows(spec, 11));
        rows = FitJob.toRows(spec, "four-axes-1", recs);
    }

    @Test
    void everyHyperparameterALauncherSetsHasItsRuleIntervalAndVerdict() {
        assertEquals(PUBLISHED, recs.stream().map(Recommendation::hyperparameter).toList());
        for (Recommendation r : recs) {
            assertEquals(TARGET, r.targetScale());
            assertTrue(r.verdict() != Verdict.INSUFFICIENT, r.hyperparameter() + ": " + r.verdictReason());
            assertTrue(r.lower() <= r.value() && r.value() <= r.upper() && r.lower() < r.upper(), r.hyperparameter());
            assertTrue(r.noise().known(), "two seeds a configuration measure the noise");
        }
        Map<String, Recommendation> by = byName(recs);
        assertTrue(by.get("weight_decay").ruleForm().startsWith("weight_decay = B/(lr*tau*D), log tau = c"), by.get("weight_decay").ruleForm());
        assertEquals("warmup_tokens = f*D, log warmup_fraction = c", by.get("warmup_tokens").ruleForm());
        assertEquals("log batch = c + a_tokens*log(tokens)", by.get("batch").ruleForm());
        // the truth at the target: lr 3e-3 (muP transfers it), B* = 32 sqrt(16), warmup 2 % of D
        assertEquals(Math.log(3e-3), Math.log(by.get("lr").value()), 0.1);
        assertEquals(Math.log(FourAxisSweep.batchStar(1024000)), Math.log(by.get("batch").value()), 0.3);
        assertEquals(Math.log(0.02 * 1024000), Math.log(by.get("warmup_tokens").value()), 0.2);
        // the table's rule for a derived rule is in the target's own axes, so a launcher can evaluate it
        for (RecommendationRow row : rows) {
            for (String k : row.coefficients().keySet()) {
                assertTrue(List.of("intercept", "width", "depth", "tokens", "batch").contains(k), row.hyperparameter() + " " + row.coefficients());
            }
        }
    }

    @Test
    void deltaIcebergAndPostgresGiveBackWhatWasPublished() throws Exception {
        Map<String, RecommendationTable> tables = new LinkedHashMap<>();
        tables.put("delta:" + dir.resolve("recs-delta"), null);
        tables.put("iceberg:" + dir.resolve("warehouse") + "#mutune.recommendations", null);
        for (String uri : tables.keySet()) {
            Tables.recommendations(MutuneSpark.getOrCreate("local[1]"), uri).publish("four-axes-1", rows);
            assertRoundTrip(uri, inProcess(uri, TARGET));
        }
        LoopbackPostgres pg = LoopbackPostgres.get();
        String jdbc = pg.url() + "&table=four_axes_" + ProcessHandle.current().pid();
        new JdbcRecommendationTable(JdbcTarget.parse(jdbc), JdbcPassword.fromFile(pg.passwordFile())).publish("four-axes-1", rows);
        assertRoundTrip(jdbc, childJvm("jdbc:" + jdbc.substring("jdbc:".length()), pg.passwordFile(), TARGET));
    }

    @Test
    void anUnpublishedTargetIsComputedFromTheRuleColumnTheTimescaleIncluded() throws Exception {
        String uri = "delta:" + dir.resolve("recs-rule");
        Tables.recommendations(MutuneSpark.getOrCreate("local[1]"), uri).publish("four-axes-1", rows);
        // twice the batch and the tokens: the timescale's weight decay is a power law in both, so the rule column is exact
        Map<String, Double> other = new LinkedHashMap<>(TARGET);
        other.put("batch", 512.0);
        other.put("tokens", 2048000.0);
        JsonNode got = inProcess(uri, other).path("hyperparameters");
        Map<String, Recommendation> direct = byName(FitJob.recommend(withTarget(other), FourAxisSweep.rows(spec, 11)));
        for (String hp : List.of("lr", "weight_decay", "warmup_tokens", "batch")) {
            assertEquals("rule", got.path(hp).path("source").asText(), hp);
            double v = got.path(hp).path("value").asDouble();
            assertEquals(direct.get(hp).value(), v, 1e-6 * v, hp);
        }
    }

    private static SweepSpec withTarget(Map<String, Double> target) {
        return new SweepSpec(spec.sweep(), spec.seed(), spec.proxy(), spec.scales(), spec.search(), spec.resources(), List.of(target),
                spec.output(), spec.validate(), spec.rules());
    }

    private static void assertRoundTrip(String uri, JsonNode out) {
        JsonNode hps = out.path("hyperparameters");
        for (Recommendation r : recs) {
            JsonNode h = hps.path(r.hyperparameter());
            assertEquals("published", h.path("source").asText(), uri + " " + r.hyperparameter() + " " + h);
            assertEquals(r.value(), h.path("value").asDouble(), 1e-12 * Math.abs(r.value()), uri + " " + r.hyperparameter());
            assertEquals(r.lower(), h.path("interval").get(0).asDouble(), 1e-12 * Math.abs(r.lower()), uri + " " + r.hyperparameter());
            assertEquals(r.upper(), h.path("interval").get(1).asDouble(), 1e-12 * Math.abs(r.upper()), uri + " " + r.hyperparameter());
            assertEquals(r.verdict().name().toLowerCase(java.util.Locale.ROOT), h.path("provenance").path("verdict").asText(), uri);
        }
    }

    private static String[] args(String table, Map<String, Double> at) {
        List<String> a = new ArrayList<>(List.of("recommend", "--table", table, "--family", "mlp"));
        at.forEach((axis, v) -> a.addAll(List.of("--" + axis, String.valueOf(v))));
        return a.toArray(String[]::new);
    }

    private static JsonNode inProcess(String table, Map<String, Double> at) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MutuneCli.run(args(table, at), new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8));
        return new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8));
    }

    /** {@code mutune recommend} in its own JVM, the password in the environment as a launcher passes it. */
    private static JsonNode childJvm(String table, Path passwordFile, Map<String, Double> at) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), MutuneCli.class.getName()));
        cmd.addAll(List.of(args(table, at)));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT);
        pb.environment().put(JdbcPassword.FILE_ENV, passwordFile.toString());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        return new ObjectMapper().readTree(out);
    }

    private static Map<String, Recommendation> byName(List<Recommendation> list) {
        Map<String, Recommendation> out = new LinkedHashMap<>();
        list.forEach(r -> out.put(r.hyperparameter(), r));
        return out;
    }
}
