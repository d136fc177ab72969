package io.mutune.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.open.Tables;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.jobs.session.MutuneSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The case through {@code mutune sweep} on local Spark: a proxy sweep over three widths
 * publishes lr for width 1024; a sweep run at width 1024 itself (one scale point: insufficient)
 * must not replace it, and says so; with {@code --force} it does.
 */
class PublishNeverDowngradesTest {
    @TempDir
    Path dir;
    Path script;

    @BeforeEach
    void writeScript() throws Exception {
        script = dir.resolve("trial.sh");
        // The optimum is lr = 0.01 at every width, a point of the 5-point log grid: under muP it transfers as is.
        Files.writeString(script, "echo \"{\\\"val_loss\\\": $(awk -v lr=$MUTUNE_HP_LR 'BEGIN { x = log(lr / 0.01); print 1 + x * x }')}\"\n");
    }

    private Path spec(String name, String widths, int trials) throws Exception {
        // A grid, so every width sees the same lr values and the proxy sweep's verdict does not hang on sampling luck.
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                sweep: %s
                seed: 11
                proxy: {model: command, command: ["bash", "%s"], parametrization: mup}
                scales: {width: [%s]}
                search:
                  algorithm: grid
                  space: {lr: {float: [1.0e-4, 1.0], log: true}}
                  resource: {max: 10}
                  trials_per_scale: %d
                targets: [{width: 1024}]
                output:
                  trials: "delta:%s"
                  recommendations: "delta:%s"
                  checkpoints: "file:%s"
                """.formatted(name, script, widths, trials, dir.resolve("trials"), dir.resolve("recs"), dir.resolve("ckpt")));
        return file;
    }

    private static String run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = MutuneCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        return text;
    }

    private RecommendationRow lr() {
        List<RecommendationRow> rows = Tables.recommendations(MutuneSpark.getOrCreate("local[2]"), "delta:" + dir.resolve("recs")).current();
        assertEquals(1, rows.size(), rows.toString());
        return rows.get(0);
    }

    @Test
    void aSweepAtTheTargetKeepsTheProxySweepsRowUnlessForced() throws Exception {
        run("sweep", spec("proxy", "64, 128, 256", 5).toString(), "--sweep-id", "proxy-1", "--master", "local[2]");
        RecommendationRow proxy = lr();
        assertEquals("proxy-1", proxy.sweepId());
        assertEquals(3, proxy.evidenceScalePoints());
        assertNotEquals("insufficient", proxy.verdict(), proxy.toString());

        Path atTarget = spec("at-target", "1024", 5);
        String out = run("sweep", atTarget.toString(), "--sweep-id", "at-target-1", "--master", "local[2]");
        assertTrue(out.contains("kept lr at {width=1024.0}: kept the " + proxy.verdict() + " row of sweep proxy-1 (version 1)"), out);
        assertTrue(out.contains("this sweep's row is insufficient") && out.contains("--force"), out);
        assertTrue(out.contains("published nothing"), out);
        assertEquals(proxy, lr(), "the proxy sweep's row is still there, unchanged");

        String forced = run("sweep", atTarget.toString(), "--sweep-id", "at-target-2", "--force", "--master", "local[2]");
        assertFalse(forced.contains("kept lr"), forced);
        RecommendationRow now = lr();
        assertEquals("at-target-2", now.sweepId());
        assertEquals("insufficient", now.verdict());
        assertEquals(2, now.version());
    }
}
