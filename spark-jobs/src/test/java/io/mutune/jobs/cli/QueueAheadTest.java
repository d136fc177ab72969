package io.mutune.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
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
        CommandSweep sweep = new CommandSweep(dir);
        String text = sweep.run(id, "sleep 0.4; echo '{\"val_loss\": 1.5}'\n", 4, "{max_retries: 0, queue_ahead: " + queueAhead + "}", "local[1]");
        assertTrue(text.contains("scheduling: 4 segments, ask to submit median"), text);
        return sweep.journal(id, "local[1]");
    }
}
