package io.mutune.jobs.external;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExternalCommandRunnerTest {
    @TempDir
    Path dir;

    private SegmentResult run(String script, Map<String, Object> config, List<String> gpus, long timeout) throws Exception {
        Path file = dir.resolve("train.sh");
        Files.writeString(file, script);
        ExternalCommandRunner runner = new ExternalCommandRunner(
                new CommandSpec(List.of("bash", file.toString()), Map.of("EXTRA", "from-spec"), null), timeout);
        TrialSegment segment = new TrialSegment("w64-t0001", new Configuration(config), Map.of("width", 64.0), 0, 100, null,
                "file:/ckpt/w64-t0001/r100", 5);
        return runner.run(segment, new TrialContext(gpus, null));
    }

    @Test
    void metricsComeBackAsJsonLinesWithTheCurveAndTheLastReport() throws Exception {
        SegmentResult r = run("""
                echo "starting trial $MUTUNE_TRIAL_ID"
                echo '{"resource": 50, "val_loss": 2.0}'
                echo "{\\"resource\\": $MUTUNE_TO_RESOURCE, \\"val_loss\\": 1.5, \\"lr_seen\\": $MUTUNE_HP_LR, \\"width\\": $MUTUNE_SCALE_WIDTH}"
                """, Map.of("lr", 0.25), List.of(), 30);
        assertEquals(SegmentResult.Outcome.COMPLETED, r.outcome());
        assertEquals(100, r.resource());
        assertEquals(Map.of("val_loss", 1.5, "lr_seen", 0.25, "width", 64.0), r.metrics());
        assertEquals(List.of(50L, 100L), r.curve().stream().map(p -> p.resource()).toList());
        assertEquals("file:/ckpt/w64-t0001/r100", r.checkpoint());
    }

    @Test
    void theProgramGetsTheTrialJsonTheSpecEnvAndItsGpus() throws Exception {
        SegmentResult r = run("""
                grep -q '"init_std" : 0.5' "$MUTUNE_TRIAL_JSON" || { echo "bad trial.json: $(cat "$MUTUNE_TRIAL_JSON")" >&2; exit 3; }
                [ "$EXTRA" = from-spec ] || exit 4
                echo "{\\"val_loss\\": 1, \\"gpu\\": $CUDA_VISIBLE_DEVICES, \\"init\\": $MUTUNE_HP_INIT_STD}" > "$MUTUNE_METRICS_FILE"
                """, Map.of("init_std", 0.5), List.of("1"), 30);
        assertEquals(Map.of("val_loss", 1.0, "gpu", 1.0, "init", 0.5), r.metrics());
    }

    @Test
    void aHyperparameterIsNeverParsedByAShell() throws Exception {
        Path marker = dir.resolve("pwned");
        SegmentResult r = run("""
                [ -n "$MUTUNE_HP_ACT" ] || exit 5
                echo '{"val_loss": 1}'
                """, Map.of("act", "$(touch " + marker + ")"), List.of(), 30);
        assertEquals(1.0, r.metrics().get("val_loss"));
        assertFalse(Files.exists(marker));
    }

    @Test
    void aNonZeroExitFailsWithTheStderrTail() {
        ExternalCommandException e = assertThrows(ExternalCommandException.class, () -> run("""
                echo "loading data" >&2
                echo "CUDA out of memory" >&2
                exit 7
                """, Map.of("lr", 0.1), List.of(), 30));
        assertTrue(e.getMessage().contains("exited with status 7"), e.getMessage());
        assertTrue(e.getMessage().contains("CUDA out of memory"), e.getMessage());
    }

    @Test
    void aHungProgramIsKilledAtTheTimeoutWithItsStderrTail() {
        ExternalCommandException e = assertThrows(ExternalCommandException.class, () -> run("""
                echo "waiting for a lock" >&2
                sleep 600
                """, Map.of("lr", 0.1), List.of(), 1));
        assertTrue(e.getMessage().contains("trial_timeout_s = 1"), e.getMessage());
        assertTrue(e.getMessage().contains("waiting for a lock"), e.getMessage());
    }

    @Test
    void aNanMetricIsReportedAsIs() throws Exception {
        SegmentResult r = run("echo '{\"val_loss\": NaN}'", Map.of("lr", 9.0), List.of(), 30);
        assertTrue(Double.isNaN(r.metrics().get("val_loss")));
    }
}
