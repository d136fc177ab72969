package io.mutune.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two sweeps in one application on 8 slots (two Workers of 4 fake GPUs), with weights 3 and 1 and
 * one journal table between them, started by {@code mutune sweep A.yaml B.yaml} or by two
 * {@code Mutune.sweep} calls of a notebook: the driver is killed, the same command with
 * {@code --resume} (or two {@code Mutune.resume} calls) resumes both, they share the slots 3:1
 * while both run, and both finish with nothing lost or run twice.
 */
class ConcurrentSweepsIT {
    @TempDir
    static Path dir;
    static StandaloneCluster cluster;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, 5, 4);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void twoSweepsOfOneCommandShareTheSlotsByWeightAndAKilledDriverResumesBoth() throws Exception {
        Path script = cluster.script("sleep-trial.sh");
        // segments of 0.5-2 s; A has more work, so both run until A is done
        Path a = ScaleSpecs.write(dir, "share-a", script, "random", 48, 1, 1.0, "weight: 3");
        Path b = ScaleSpecs.write(dir, "share-b", script, "random", 40, 1, 1.0, "weight: 1");
        Path firstLog = dir.resolve("first.log");
        Process first = cluster.startDriver(firstLog, List.of("sweep", a.toString(), b.toString(), "--sweep-id", "a-1", "--sweep-id", "b-1"),
                List.of());
        killAfter(first, firstLog, 24);
        assertTrue(Files.readString(firstLog).contains("[share-a] ") && Files.readString(firstLog).contains("[share-b] "),
                "each sweep's lines carry its name:\n" + Files.readString(firstLog));

        long resumedAt = System.currentTimeMillis();
        Path log = dir.resolve("resume.log");
        JournalChecks.runToEnd(cluster, log, List.of("sweep", a.toString(), b.toString(), "--resume"), 600);
        String text = Files.readString(log);
        assertTrue(text.contains("mutune sweep a-1 (resumed from") && text.contains("mutune sweep b-1 (resumed from"), text);
        assertBothFinishedOnceSharingByWeight("a-1", "b-1", resumedAt);
    }

    @Test
    void twoMutuneSweepCallsOfANotebookShareTheSlotsByWeightAndResumeAfterItsDriverIsKilled() throws Exception {
        Path script = cluster.script("sleep-trial.sh");
        Path a = ScaleSpecs.write(dir, "nb-a", script, "random", 48, 1, 1.0, "weight: 3");
        Path b = ScaleSpecs.write(dir, "nb-b", script, "random", 40, 1, 1.0, "weight: 1");
        // the cluster's master URL is appended as --master URL
        List<String> args = List.of(a.toString(), "nb-a-1", b.toString(), "nb-b-1");
        Path firstLog = dir.resolve("notebook-first.log");
        Process first = cluster.startDriverMain(firstLog, NotebookSweeps.class.getName(), concat("sweep", args), List.of());
        killAfter(first, firstLog, 24);

        long resumedAt = System.currentTimeMillis();
        Path log = dir.resolve("notebook-resume.log");
        Process resumed = cluster.startDriverMain(log, NotebookSweeps.class.getName(), concat("resume", args), List.of());
        assertTrue(resumed.waitFor(600, TimeUnit.SECONDS), "the resumed notebook did not finish; see " + log);
        assertEquals(0, resumed.exitValue(), Files.readString(log));
        assertBothFinishedOnceSharingByWeight("nb-a-1", "nb-b-1", resumedAt);
    }

    /** Kills the driver (SIGKILL) once its log has {@code completed} ended segments. */
    private static void killAfter(Process driver, Path log, int completed) throws Exception {
        JournalChecks.awaitLines(log, "completed", completed, driver);
        driver.destroyForcibly();
        driver.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Each of the two sweeps (96 and 80 segments) ended every segment once, what the killed
     * driver left running was re-run, and while both ran, A (weight 3) had 3/4 of the busy slot time.
     */
    private static void assertBothFinishedOnceSharingByWeight(String idA, String idB, long resumedAt) {
        List<JournalRow> rowsA = JournalChecks.read(dir, idA);
        List<JournalRow> rowsB = JournalChecks.read(dir, idB);
        assertEquals(96, JournalChecks.everySegmentEndedOnce(rowsA));
        assertEquals(80, JournalChecks.everySegmentEndedOnce(rowsB));
        assertTrue(rowsA.stream().anyMatch(r -> r.status() == TrialStatus.STALE) || rowsB.stream().anyMatch(r -> r.status() == TrialStatus.STALE),
                "the killed driver left running segments, re-run by the resumed one");
        double shareA = shareWhileBothRan(ran(rowsA, resumedAt), ran(rowsB, resumedAt));
        assertEquals(0.75, shareA, 0.075, "sweep A (weight 3) against B (weight 1): A's share of the busy slot time while both ran");
    }

    private static List<String> concat(String first, List<String> rest) {
        List<String> all = new java.util.ArrayList<>(List.of(first));
        all.addAll(rest);
        return all;
    }

    /** [start, end] of each segment the resumed driver ran. */
    private static List<long[]> ran(List<JournalRow> rows, long since) {
        return rows.stream().filter(r -> r.status() == TrialStatus.COMPLETED && r.startedAt().toEpochMilli() >= since)
                .map(r -> new long[] {r.startedAt().toEpochMilli(), r.finishedAt().toEpochMilli()}).toList();
    }

    /** A's busy slot time over both sweeps', counted only while both had segments to run. */
    private static double shareWhileBothRan(List<long[]> a, List<long[]> b) {
        long from = Math.max(first(a), first(b));
        long to = Math.min(last(a), last(b));
        assertTrue(to - from > 5000, "the two sweeps ran side by side for " + (to - from) + " ms");
        double busyA = busy(a, from, to);
        double busyB = busy(b, from, to);
        return busyA / (busyA + busyB);
    }

    private static long first(List<long[]> runs) {
        return runs.stream().mapToLong(r -> r[0]).min().orElseThrow();
    }

    private static long last(List<long[]> runs) {
        return runs.stream().mapToLong(r -> r[1]).max().orElseThrow();
    }

    private static double busy(List<long[]> runs, long from, long to) {
        double s = 0;
        for (long[] r : runs) {
            s += Math.max(0, Math.min(r[1], to) - Math.max(r[0], from));
        }
        return s;
    }
}
