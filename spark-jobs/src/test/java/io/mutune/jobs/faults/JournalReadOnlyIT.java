package io.mutune.jobs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.jobs.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The journal's folder becomes read-only mid-sweep (chmod, against a sweep run by a user that is
 * not root, see {@link OtherUser}): bin/mutune stops within seconds with one line, exit code 5 and
 * the command that resumes it. Made writable again, that command finishes the sweep, and every
 * trial is in the journal exactly once; none that ended before the stop ran again.
 */
class JournalReadOnlyIT {
    private static final int TRIALS = 12;
    @TempDir
    Path root;

    @Test
    void aReadOnlyJournalStopsTheSweepAndTheResumeFinishesIt() throws Exception {
        Path dir = Files.createDirectories(root.resolve("sweep"));
        FaultSweep s = new FaultSweep(dir);
        Path spec = s.spec("ro", FaultSweep.sleepingTrial(0.7), TRIALS, "[64]", "{}");
        OtherUser user = OtherUser.nonRoot();
        if (user != null) {
            user.own(dir);
        }
        Map<String, String> env = Map.of("MUTUNE_JAVA_OPTS", "-Xmx1g");
        CliProcess sweep = CliProcess.start(dir, user, env, "sweep", spec.toString(), "--sweep-id", "ro-1", "--master", "local[2]");
        sweep.awaitLine("^\\[\\s+3\\] ", 240);
        Path trials = dir.resolve("lake/trials");
        OtherUser.readOnly(trials);
        long faultAt = System.nanoTime();
        assertEquals(ExitCodes.STOPPED, sweep.exitCode(120), sweep.output());
        double stopSeconds = (sweep.exitedAtNanos() - faultAt) / 1e9;
        assertTrue(stopSeconds < 30, "stopped " + stopSeconds + " s after the fault:\n" + sweep.output());
        String line = sweep.line("sweep");
        assertTrue(line.startsWith("mutune sweep: stopped: cannot append ") && line.contains("to the trial journal " + s.trials)
                && line.contains("(Permission denied)"), line);
        assertTrue(line.contains("every row so far is in the write-ahead log " + s.checkpoints + "/ro-1/_wal"), line);
        String resume = "mutune sweep " + spec + " --sweep-id ro-1 --resume --master local[2]";
        assertTrue(line.endsWith("after fixing it, resume with: " + resume), line);
        // Spark's executor, task set and our writer each log the failed append; on the console they are one line each.
        List<String> stackLines = sweep.output().lines().filter(l -> l.startsWith("\tat ") || l.startsWith("Caused by:")).toList();
        assertTrue(stackLines.isEmpty(), stackLines.size() + " stack-trace lines on the console:\n" + sweep.output());
        Set<String> endedBeforeStop = Set.copyOf(startedTrials(s));

        OtherUser.writable(trials);
        CliProcess resumed = CliProcess.start(dir, user, env, resume.substring("mutune ".length()).split(" "));
        assertEquals(0, resumed.exitCode(240), resumed.output());
        assertTrue(resumed.output().contains("mutune sweep ro-1 (resumed from "), resumed.output());
        List<JournalRow> rows = s.journal("ro-1");
        FaultSweep.assertEveryTrialOnce(rows, TRIALS);
        assertOnlyCutTrialsRanTwice(s, rows, endedBeforeStop);
    }

    /** Trial ids the script started so far (one file per start). */
    private static List<String> startedTrials(FaultSweep s) throws Exception {
        try (var files = Files.list(s.started)) {
            return files.map(p -> p.getFileName().toString().replaceFirst("\\..*", "")).toList();
        }
    }

    /**
     * A trial ran twice only if the stop cut it short: the resume journalled it as stale and re-ran
     * it (once, if it was still queued in Spark when the stop came).
     */
    private static void assertOnlyCutTrialsRanTwice(FaultSweep s, List<JournalRow> rows, Set<String> startedBeforeStop) throws Exception {
        Map<String, Long> starts = startedTrials(s).stream().collect(Collectors.groupingBy(t -> t, Collectors.counting()));
        Set<String> cut = rows.stream().filter(r -> r.status() == TrialStatus.STALE).map(JournalRow::trialId).collect(Collectors.toSet());
        for (Map.Entry<String, Long> e : starts.entrySet()) {
            long most = cut.contains(e.getKey()) ? 2 : 1;
            assertTrue(e.getValue() <= most, e.getValue() + " starts of " + e.getKey() + " (cut by the stop: " + cut + ", started before it: "
                    + startedBeforeStop + ")");
            assertTrue(!startedBeforeStop.contains(e.getKey()) || cut.contains(e.getKey()) || e.getValue() == 1, e.getKey());
        }
        assertEquals(TRIALS, starts.size());
    }
}
