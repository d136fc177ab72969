package io.mutune.jobs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.jobs.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-ahead log's disk fills up mid-sweep (its folder is an 8 KiB tmpfs): the sweep stops at
 * once, commits what the log could not hold to the journal, and leaves no corrupt log. With the
 * disk made larger, --resume finishes with every trial exactly once, and its progress line counts
 * the trials run before the stop.
 */
class WalDiskFullTest {
    private static final int TRIALS = 24;
    @TempDir
    Path dir;

    @Test
    void aFullLogDiskStopsTheSweepAndTheResumeLosesNothing() throws Exception {
        FaultSweep s = new FaultSweep(dir);
        Path spec = s.spec("full", FaultSweep.sleepingTrial(0.2), TRIALS, "[64]", "{}");
        Path walDir = Files.createDirectories(dir.resolve("ckpt/full-1/_wal"));
        Mounts.tmpfs(walDir, "8k");
        try {
            FaultSweep.Result stopped = FaultSweep.cli("sweep", spec.toString(), "--sweep-id", "full-1");
            assertEquals(ExitCodes.STOPPED, stopped.code(), stopped.out());
            String line = stopped.lines("mutune sweep: ").get(0);
            assertTrue(line.startsWith("mutune sweep: stopped: cannot ") && line.contains("write-ahead log")
                    && line.contains("No space left on device"), line);
            assertTrue(line.contains("every row so far was committed to the journal " + s.trials), line);
            assertTrue(line.endsWith("resume with: mutune sweep " + spec + " --sweep-id full-1 --resume --master local[2]"), line);
            List<JournalRow> before = s.journal("full-1");
            long endedBefore = before.stream().filter(r -> r.status().isTerminal()).count();
            assertTrue(endedBefore > 0 && endedBefore < TRIALS, "stopped mid-sweep: " + endedBefore + " of " + TRIALS + " ended");
            assertLogReads(walDir);

            Mounts.resize(walDir, "1m");
            FaultSweep.Result resumed = FaultSweep.cli("sweep", spec.toString(), "--sweep-id", "full-1", "--resume");
            assertEquals(0, resumed.code(), resumed.out());
            Map<String, JournalRow> ended = FaultSweep.assertEveryTrialOnce(s.journal("full-1"), TRIALS);
            assertEquals(TRIALS, ended.size());
            assertProgressCountsTheTrialsBefore(resumed, before, endedBefore);
        } finally {
            Mounts.unmount(walDir);
        }
    }

    /** Every line of the log that filled up is a whole JSON row, but perhaps the last, cut short by the full disk. */
    private static void assertLogReads(Path walDir) throws Exception {
        ObjectMapper json = new ObjectMapper();
        try (var files = Files.list(walDir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".jsonl")).toList()) {
                List<String> lines = Files.readAllLines(f);
                for (int i = 0; i < lines.size() - 1; i++) {
                    assertTrue(json.readTree(lines.get(i)).has("seq"), f + " line " + (i + 1) + ": " + lines.get(i));
                }
            }
        }
    }

    /** The resumed run's first progress line numbers on from the stopped run's, and its best includes their results. */
    private static void assertProgressCountsTheTrialsBefore(FaultSweep.Result resumed, List<JournalRow> before, long endedBefore) {
        Matcher m = Pattern.compile("^\\[\\s*(\\d+)\\] \\S+\\s+completed val_loss=(\\S+) .* best: w64=(\\S+)$", Pattern.MULTILINE)
                .matcher(resumed.out());
        assertTrue(m.find(), resumed.out());
        assertEquals(endedBefore + 1, Long.parseLong(m.group(1)), m.group());
        double bestBefore = before.stream().filter(r -> r.status() == TrialStatus.COMPLETED)
                .mapToDouble(r -> r.metrics().get("val_loss")).min().orElseThrow();
        double expected = Math.min(bestBefore, Double.parseDouble(m.group(2)));
        assertEquals(expected, Double.parseDouble(m.group(3)), expected * 1e-4, m.group());
    }
}
