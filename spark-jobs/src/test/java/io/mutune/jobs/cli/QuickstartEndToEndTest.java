package io.mutune.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.jobs.session.MutuneSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs examples/quickstart.yaml end to end on local Spark and checks what it wrote to the tables. */
class QuickstartEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void quickstartWritesTheJournalAndARecommendationAndIsReproducible() throws Exception {
        String quickstart = Files.readString(Path.of("..", "examples", "quickstart.yaml"));
        String spec = quickstart.replace("delta:.mutune/lake", "delta:" + dir.resolve("lake"))
                .replace("file:.mutune/checkpoints", "file:" + dir.resolve("ckpt"));
        Path specFile = dir.resolve("quickstart.yaml");
        Files.writeString(specFile, spec);

        String out = runSweep(specFile, "e2e-first");
        runSweep(specFile, "e2e-second");

        SparkSession spark = MutuneSpark.getOrCreate("local[2]");
        String trialsUri = "delta:" + dir.resolve("lake/trials");
        List<JournalRow> first = Tables.journal(spark, trialsUri).read("e2e-first");
        List<JournalRow> second = Tables.journal(spark, trialsUri).read("e2e-second");

        // Every trial has a RUNNING row then exactly one terminal row; 3 widths x 10 trials.
        Map<String, List<JournalRow>> byTrial = first.stream().collect(Collectors.groupingBy(JournalRow::trialId));
        assertEquals(30, byTrial.size());
        for (List<JournalRow> rows : byTrial.values()) {
            assertEquals(TrialStatus.RUNNING, rows.get(0).status());
            assertEquals(1, rows.stream().filter(r -> r.status().isTerminal()).count(), rows.toString());
        }
        List<JournalRow> ended = terminal(first);
        assertEquals(Map.of("w64", 10L, "w128", 10L, "w256", 10L),
                ended.stream().collect(Collectors.groupingBy(JournalRow::scaleKey, Collectors.counting())));
        long completed = ended.stream().filter(r -> r.status() == TrialStatus.COMPLETED).count();
        assertTrue(completed >= 24, "most quickstart trials should complete; got " + completed + " of 30");
        for (JournalRow r : ended) {
            double lr = io.mutune.hpo.space.Configuration.fromJson(r.configJson()).getDouble("lr");
            assertTrue(lr >= 1e-4 && lr <= 0.3, "lr outside the spec's range: " + lr);
            if (r.status() == TrialStatus.COMPLETED) {
                assertEquals(300, r.resource());
                assertTrue(Double.isFinite(r.metrics().get("val_loss")), r.toString());
                assertNotEquals(null, r.finishedAt());
            }
        }
        // The same seed gives the same trials: ids, configs and losses.
        Map<String, JournalRow> again = terminal(second).stream().collect(Collectors.toMap(JournalRow::trialId, Function.identity()));
        for (JournalRow r : ended) {
            JournalRow s = again.get(r.trialId());
            assertEquals(r.configJson(), s.configJson());
            assertEquals(r.status(), s.status());
            assertEquals(r.metrics().get("val_loss"), s.metrics().get("val_loss"), () -> "first run " + r + "\nsecond run " + s
                    + "\nsecond run's rows of the trial: " + second.stream().filter(x -> x.trialId().equals(r.trialId())).toList());
        }

        // One recommendation row per hyperparameter at the spec's target, from the latest publish.
        List<RecommendationRow> recs = Tables.recommendations(spark, "delta:" + dir.resolve("lake/recommendations")).current();
        assertEquals(1, recs.size(), recs.toString());
        RecommendationRow lr = recs.get(0);
        assertEquals("mlp", lr.family());
        assertEquals("mup", lr.parametrization());
        assertEquals("adamw", lr.optimizer());
        assertEquals(Map.of("width", 4096.0), lr.targetScale());
        assertEquals("lr", lr.hyperparameter());
        assertEquals("e2e-second", lr.sweepId());
        assertEquals(2, lr.version());
        assertTrue(lr.lower() <= lr.value() && lr.value() <= lr.upper(), lr.toString());
        assertTrue(lr.value() > 1e-5 && lr.value() < 1.0, "recommended lr " + lr.value());
        // Under muP a width exponent whose interval holds 0 is dropped ("transfers as is"); a kept one is in the rule.
        assertTrue(lr.verdict().equals("transfers_as_is") && !lr.coefficients().containsKey("width")
                || lr.verdict().equals("fitted") && lr.coefficients().containsKey("width"), lr.toString());
        assertTrue(lr.coefficients().containsKey("intercept"), lr.toString());

        // The summary names the per-width optima, the rule and the tables.
        assertTrue(out.contains("w64") && out.contains("w128") && out.contains("w256"), out);
        assertTrue(out.contains("recommendations:") && out.contains(dir.resolve("lake/trials").toString()), out);
        // Both Delta tables read back with plain Spark.
        assertEquals(first.size() + second.size(), spark.read().format("delta").load(dir.resolve("lake/trials").toString()).count());
    }

    private static List<JournalRow> terminal(List<JournalRow> rows) {
        return rows.stream().filter(r -> r.status().isTerminal()).toList();
    }

    private static String runSweep(Path spec, String sweepId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MutuneCli.run(new String[] {"sweep", spec.toString(), "--sweep-id", sweepId, "--master", "local[2]"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, "sweep failed: " + err.toString(StandardCharsets.UTF_8) + "\n" + text);
        return text;
    }
}
