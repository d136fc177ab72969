package io.mutune.jobs.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.TrialStatus;
import io.mutune.jobs.session.MutuneSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code Mutune.sweep(spark, spec)} runs whatever the spec's proxy is, an external command included, as the CLI does. */
class MutuneCommandSweepTest {
    @TempDir
    Path dir;

    @Test
    void aCommandSpecSweepsThroughTheApiWithoutARunnerOfTheCallers() throws Exception {
        Path script = dir.resolve("train.sh");
        // loss lowest at lr = 0.02, read from the variables the command runner sets
        Files.writeString(script, """
                awk -v lr="$MUTUNE_HP_LR" -v steps="$MUTUNE_TO_RESOURCE" 'BEGIN {
                  for (s = 5; s <= steps; s += 5) printf "{\\"resource\\": %d, \\"val_loss\\": %.6f}\\n", s, 0.2 + 1 / s + (log(lr / 0.02))^2 }'
                """);
        SweepRun run = Mutune.sweep(MutuneSpark.getOrCreate("local[2]"), Mutune.spec("""
                sweep: api-command
                seed: 5
                proxy: {model: command, command: ["bash", "%s"], parametrization: mup}
                scales: {width: [64, 128]}
                search:
                  space: {lr: {float: [1.0e-3, 3.0e-1], log: true}}
                  resource: {max: 20}
                  trials_per_scale: 5
                targets: [{width: 1024}]
                output: {trials: "delta:%s", recommendations: "delta:%s", checkpoints: "file:%s"}
                """.formatted(script, dir.resolve("trials"), dir.resolve("recs"), dir.resolve("ckpt"))));
        assertEquals(10, run.result().finished().stream().filter(r -> r.status() == TrialStatus.COMPLETED).count(),
                run.result().finished().toString());
        assertTrue(run.result().finished().stream().allMatch(r -> r.resource() == 20 && r.metrics().get("val_loss") > 0.2),
                run.result().finished().toString());
        assertEquals("lr", run.recommendations().get(0).hyperparameter());
    }
}
