package io.mutune.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.open.Tables;
import io.mutune.jobs.session.MutuneSpark;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A one-width random sweep whose trials are a bash script, run through the CLI on local Spark, with
 * its tables in a test folder: the tests of the driver's behaviour vary only the script and the
 * {@code resources:} line.
 */
final class CommandSweep {
    private final Path dir;

    CommandSweep(Path dir) {
        this.dir = dir;
    }

    /** Runs the sweep to the end (exit code 0 asserted); returns what it printed. */
    String run(String id, String script, int trials, String resources, String master) throws Exception {
        Path scriptFile = dir.resolve(id + ".sh");
        Files.writeString(scriptFile, script);
        Path spec = dir.resolve(id + ".yaml");
        Files.writeString(spec, """
                sweep: %s
                seed: 2
                proxy: {model: command, command: ["bash", "%s"]}
                scales: {width: [64]}
                search:
                  space: {lr: {float: [1.0e-4, 1.0], log: true}}
                  resource: {max: 10}
                  trials_per_scale: %d
                resources: %s
                targets: [{width: 1024}]
                output: {trials: "delta:%s", recommendations: "delta:%s", checkpoints: "file:%s"}
                """.formatted(id, scriptFile, trials, resources, dir.resolve("trials"), dir.resolve("recs"), dir.resolve("ckpt")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = MutuneCli.run(new String[] {"sweep", spec.toString(), "--sweep-id", id, "--master", master},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        return text;
    }

    /** The sweep's journal rows, in seq order. */
    List<JournalRow> journal(String id, String master) {
        return Tables.journal(MutuneSpark.getOrCreate(master), "delta:" + dir.resolve("trials")).read(id);
    }
}
