package io.mutune.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code resources.queue_ahead}: the driver hands Spark more segments than it has slots, so a freed
 * slot never idles while the driver asks its tuner; with 0 it hands out exactly one per slot. The
 * slot count is read off the journal (most segments running at once), since the test JVM's shared
 * local SparkSession may have more than one core.
 */
class QueueAheadTest {
    @TempDir
    Path dir;

    @Test
    void moreSegmentsAreHandedOutThanRunAtOnce() throws Exception {
        List<JournalRow> rows = sweep(1, "ahead");
        assertEquals(6, ended(rows).size(), rows.toString());
        assertTrue(mostOutstanding(rows) > mostRunning(rows), rows.toString());
    }

    @Test
    void withoutQueueAheadNoMoreAreHandedOutThanRunAtOnce() throws Exception {
        List<JournalRow> rows = sweep(0, "exact");
        assertEquals(6, ended(rows).size(), rows.toString());
        assertEquals(mostRunning(rows), mostOutstanding(rows), rows.toString());
    }

    private static List<JournalRow> ended(List<JournalRow> rows) {
        return rows.stream().filter(r -> r.status() == TrialStatus.COMPLETED).toList();
    }

    /** The most segments asked for and not yet finished, seen at any ask. */
    private static long mostOutstanding(List<JournalRow> rows) {
        Map<String, JournalRow> end = ended(rows).stream().collect(Collectors.toMap(JournalRow::trialId, Function.identity()));
        List<Instant> asks = rows.stream().filter(r -> r.status() == TrialStatus.RUNNING).map(JournalRow::startedAt).toList();
        return asks.stream().mapToLong(t -> rows.stream().filter(r -> r.status() == TrialStatus.RUNNING)
                .filter(r -> !r.startedAt().isAfter(t) && end.get(r.trialId()).finishedAt().isAfter(t)).count()).max().orElse(0);
    }

    /** The most segments running at once, seen at any start. */
    private static long mostRunning(List<JournalRow> rows) {
        List<JournalRow> runs = ended(rows);
        return runs.stream().mapToLong(s -> runs.stream()
                .filter(r -> !r.startedAt().isAfter(s.startedAt()) && r.finishedAt().isAfter(s.startedAt())).count()).max().orElse(0);
    }

    private List<JournalRow> sweep(int queueAhead, String id) throws Exception {
        CommandSweep sweep = new CommandSweep(dir);
        String text = sweep.run(id, "sleep 0.8; echo '{\"val_loss\": 1.5}'\n", 6, "{max_retries: 0, queue_ahead: " + queueAhead + "}", "local[1]");
        assertTrue(text.contains("scheduling: 6 segments, ask to submit median"), text);
        return sweep.journal(id, "local[1]");
    }
}
