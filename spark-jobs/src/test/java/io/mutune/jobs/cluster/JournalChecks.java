package io.mutune.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
import io.mutune.jobs.session.MutuneSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;

/** What the many-slot tests check on a sweep's journal, and how they drive a driver JVM. */
final class JournalChecks {
    private JournalChecks() { }

    static List<JournalRow> read(Path dir, String sweepId) {
        SparkSession spark = MutuneSpark.getOrCreate("local[2]");
        return Tables.journal(spark, "delta:" + dir.resolve("lake/trials")).read(sweepId);
    }

    /**
     * Every segment (trial and the resource it started from) ended exactly once, and every start
     * has an end or was reaped as stale: nothing lost, nothing run twice. Returns the trials.
     */
    static int everySegmentEndedOnce(List<JournalRow> rows) {
        Map<String, List<JournalRow>> bySegment = rows.stream()
                .collect(Collectors.groupingBy(r -> r.trialId() + "@" + r.fromResource()));
        for (Map.Entry<String, List<JournalRow>> e : bySegment.entrySet()) {
            List<JournalRow> seg = e.getValue();
            long ended = seg.stream().filter(r -> r.status().isTerminal() && r.status() != TrialStatus.STALE).count();
            assertEquals(1, ended, "segment " + e.getKey() + " ended " + ended + " times: " + seg);
            long starts = seg.stream().filter(r -> r.status() == TrialStatus.RUNNING).count();
            long ends = seg.stream().filter(r -> r.status().isTerminal()).count();
            assertEquals(starts, ends, "every start of " + e.getKey() + " has an end or a stale row: " + seg);
            assertTrue(seg.stream().noneMatch(r -> r.status() == TrialStatus.FAILED), "segment failed: " + seg);
        }
        return (int) rows.stream().map(JournalRow::trialId).distinct().count();
    }

    static void runToEnd(StandaloneCluster cluster, Path log, List<String> args, int seconds) throws Exception {
        Process driver = cluster.startDriver(log, args, List.of());
        assertTrue(driver.waitFor(seconds, TimeUnit.SECONDS), "driver did not finish in " + seconds + " s; see " + log);
        assertEquals(0, driver.exitValue(), Files.readString(log));
    }

    /** Waits until the driver's log has {@code n} lines containing {@code word}. */
    static void awaitLines(Path log, String word, int n, Process driver) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (Files.exists(log) && Files.readAllLines(log).stream().filter(l -> l.contains(word)).count() >= n) {
                return;
            }
            assertTrue(driver.isAlive(), "driver ended early: " + (Files.exists(log) ? Files.readString(log) : ""));
            Thread.sleep(200);
        }
        throw new AssertionError("no " + n + " '" + word + "' lines in " + log + ":\n" + Files.readString(log));
    }
}
