package io.mutune.jobs.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
import io.mutune.jobs.cli.MutuneCli;
import io.mutune.jobs.session.MutuneSpark;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.spec.SweepSpecParser;
import io.mutune.transfer.rules.TrialObservation;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A sweep with a tokens axis under WSD on local Spark: only the longest horizon is tuned, its runs
 * branch the shorter horizon's decay and journal its loss, and the fit sees both horizons.
 */
class TokenHorizonSweepTest {
    @TempDir
    Path dir;

    static String spec(Path lake) {
        return """
                sweep: horizons
                seed: 5
                proxy:
                  model: mlp
                  parametrization: mup
                  base: {width: 32, depth: 2}
                  data: {kind: teacher, seed: 3}
                  batch_size: 32
                  schedule: {kind: wsd, warmup_steps: 10, decay_fraction: 0.2}
                scales:
                  width: [32, 64]
                  tokens: [3200, 6400]
                search:
                  algorithm: random
                  space:
                    lr: {float: [1.0e-3, 1.0e-1], log: true}
                  resource: {name: horizon, max: 100}
                  trials_per_scale: 3
                resources: {gpus_per_trial: 0, max_retries: 0}
                targets:
                  - {width: 1024, tokens: 1.0e6}
                output:
                  trials: delta:LAKE/trials
                  recommendations: delta:LAKE/recommendations
                  checkpoints: file:LAKE/ckpt
                """.replace("LAKE", lake.toAbsolutePath().toString());
    }

    @Test
    void theShorterHorizonIsBranchedOffTheLongerOnesRuns() throws Exception {
        Path file = dir.resolve("spec.yaml");
        Files.writeString(file, spec(dir.resolve("lake")));
        SweepSpec spec = SweepSpecParser.parse(file);
        assertEquals(4, spec.allScalePoints().size());
        assertEquals(List.of(Map.of("width", 32.0, "tokens", 6400.0), Map.of("width", 64.0, "tokens", 6400.0)), spec.scalePoints());

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MutuneCli.run(new String[] {"sweep", file.toString(), "--sweep-id", "h1", "--master", "local[2]"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(0, code, err.toString(StandardCharsets.UTF_8) + out.toString(StandardCharsets.UTF_8));

        List<JournalRow> rows = Tables.journal(MutuneSpark.getOrCreate("local[2]"), "delta:" + dir.resolve("lake/trials")).read("h1");
        List<JournalRow> completed = rows.stream().filter(r -> r.status() == TrialStatus.COMPLETED).toList();
        assertEquals(6, completed.size(), rows.toString());
        for (JournalRow r : completed) {
            assertEquals(6400.0, r.tokens());
            // 100 steps at 3200 tokens, batch 32: the decay is 20 steps, parting from the long run after step 80
            assertEquals(19.0, r.metrics().get("branch_steps"), r.toString());
            assertTrue(Double.isFinite(r.metrics().get("val_loss@tokens=3200")), r.toString());
        }
        List<TrialObservation> obs = FitJob.observations(rows, "val_loss", 100);
        assertEquals(Set.of(3200.0, 6400.0), obs.stream().map(o -> o.scale().get("tokens")).collect(Collectors.toSet()));
        assertEquals(12, obs.size());
        assertTrue(obs.stream().allMatch(o -> o.resource() == 100), obs.toString());
    }

    @Test
    void aWarmupLongerThanAHorizonFailsTheSpecNamingTheField() {
        String bad = spec(dir).replace("warmup_steps: 10", "warmup_steps: 150");
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> SweepSpecParser.parse(bad));
        assertEquals("proxy.schedule.warmup_steps: warmup of 150 steps is not shorter than the horizon of 100 steps "
                + "(scales.tokens 3200 at batch 32, 32 tokens per step)", e.getMessage());
    }
}
