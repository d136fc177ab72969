package io.mutune.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resources.queue_ahead}: with one slot, the driver hands Spark the next segment while the
 * current one runs, so the slot never idles while the driver asks its tuner; with 0 it asks only
 * once the slot is free.
 */
class QueueAheadTest {
    @TempDir
    Path dir;

    @Test
    void theNextSegmentIsAskedForWhileTheSlotIsStillBusy() throws Exception {
        List<JournalRow> rows = sweep(1, "ahead");
        Map<String, JournalRow> asked = firstRow(rows, TrialStatus.RUNNING);
        Map<String, JournalRow> ended = firstRow(rows, TrialStatus.COMPLETED);
        assertEquals(4, ended.size(), rows.toString());
        // t0001 was asked (its RUNNING row) before t0000 finished: it sat in Spark's queue.
        assertTrue(asked.get("w64-t0001").startedAt().isBefore(ended.get("w64-t0000").finishedAt()), rows.toString());
    }

    @Test
    void withoutQueueAheadEachSegmentIsAskedForOnlyWhenTheSlotFrees() throws Exception {
        List<JournalRow> rows = sweep(0, "exact");
        Map<String, JournalRow> asked = firstRow(rows, TrialStatus.RUNNING);
        Map<String, JournalRow> ended = firstRow(rows, TrialStatus.COMPLETED);
        assertEquals(4, ended.size(), rows.toString());
        for (int t = 1; t < 4; t++) {
            JournalRow previous = ended.get("w64-t000" + (t - 1));
            assertTrue(!asked.get("w64-t000" + t).startedAt().isBefore(previous.finishedAt()), rows.toString());
        }
    }

    private static Map<String, JournalRow> firstRow(List<JournalRow> rows, TrialStatus status) {
        return rows.stream().filter(r -> r.status() == status)
                .collect(Collectors.toMap(JournalRow::trialId, Function.identity(), (a, b) -> a));
    }

    private List<JournalRow> sweep(int queueAhead, String id) throws Exception {
        Path script = dir.resolve("trial.sh");
        Files.writeString(script, "sleep 0.4; echo '{\"val_loss\": 1.5}'\n");
        Path spec = dir.resolve(id + ".yaml");
        Files.writeString(spec, """
                sweep: %s
                seed: 2
                proxy: {model: command, command: ["bash", "%s"]}
                scales: {width: [64]}
                search:
                  space: {lr: {float: [1.0e-4, 1.0], log: true}}
                  resource: {max: 10}
                  trials_per_scale: 4
                resources: {max_retries: 0, queue_ahead: %d}
                targets: [{width: 1024}]
                output: {trials: "delta:%s", recommendations: "delta:%s", checkpoints: "file:%s"}
                """.formatted(id, script, queueAhead, dir.resolve("trials"), dir.resolve("recs"), dir.resolve("ckpt")));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = MutuneCli.run(new String[] {"sweep", spec.toString(), "--sweep-id", id, "--master", "local[1]"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        String text = out.toString(StandardCharsets.UTF_8);
        assertEquals(0, code, text);
        assertTrue(text.contains("scheduling: 4 segments, ask to submit median"), text);
        return Tables.journal(MutuneSpark.getOrCreate("local[1]"), "delta:" + dir.resolve("trials")).read(id);
    }
}
