package io.mutune.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
import io.mutune.jobs.cli.MutuneCli;
import io.mutune.jobs.session.MutuneSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sweeps on a real standalone cluster (a Master and two Workers of 2 cores and 2 fake GPUs each,
 * each its own JVM, on loopback), with the driver in a child JVM: GPU isolation, a Worker killed
 * mid-sweep, and a driver killed mid-sweep and resumed. The worker test runs last: it loses a Worker.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ClusterSweepIT {
    @TempDir
    static Path dir;
    static StandaloneCluster cluster;
    static Path script;

    @BeforeAll
    static void startCluster() throws Exception {
        cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, 2);
        script = cluster.script("sleep-trial.sh");
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    @Order(1)
    void concurrentTrialsNeverShareAWorkersGpu() throws Exception {
        Path spec = ClusterSpecs.write(dir, "gpus", script, 6, 1.0, 0);
        runDriverToEnd(spec, "gpus-1", dir.resolve("gpus.log"));
        List<JournalRow> ended = terminal(read("gpus-1"));
        assertEquals(12, ended.size(), ended.toString());
        for (JournalRow r : ended) {
            assertEquals(TrialStatus.COMPLETED, r.status(), r.toString());
            assertNotNull(r.gpu(), r.toString());
            // The script saw CUDA_VISIBLE_DEVICES = the address Spark gave its task.
            assertEquals(Double.parseDouble(r.gpu()), r.metrics().get("gpu"), r.toString());
        }
        assertTrue(ended.stream().map(JournalRow::executor).distinct().count() == 2, "both workers ran trials: " + ended);
        int overlapping = 0;
        for (JournalRow a : ended) {
            for (JournalRow b : ended) {
                if (a != b && a.startedAt().isBefore(b.finishedAt()) && b.startedAt().isBefore(a.finishedAt())) {
                    overlapping++;
                    assertTrue(!(a.executor().equals(b.executor()) && a.gpu().equals(b.gpu())),
                            "trials " + a.trialId() + " and " + b.trialId() + " ran at once on executor " + a.executor() + " GPU " + a.gpu());
                }
            }
        }
        assertTrue(overlapping > 0, "the sweep ran trials concurrently");
    }

    @Test
    @Order(2)
    void aKilledDriverResumesWithExactlyTheTrialsOfAnUninterruptedRun() throws Exception {
        Path spec = ClusterSpecs.write(dir, "resume", script, 8, 1.0, 0);
        Path log = dir.resolve("resume-1.log");
        Process driver = cluster.startDriver(log, List.of("sweep", spec.toString(), "--sweep-id", "resume-1"));
        awaitLines(log, "completed", 4, driver);
        driver.destroyForcibly();
        driver.waitFor(30, TimeUnit.SECONDS);

        List<JournalRow> before = read("resume-1");
        runDriverToEnd(spec, "resume-1", dir.resolve("resume-2.log"), "--resume");
        List<JournalRow> rows = read("resume-1");
        assertTrue(rows.size() >= before.size());

        // Exactly one ended row per trial, and every start ended or was reaped as stale.
        Map<String, List<JournalRow>> byTrial = rows.stream().collect(Collectors.groupingBy(JournalRow::trialId));
        assertEquals(16, byTrial.size(), byTrial.keySet().toString());
        for (List<JournalRow> trial : byTrial.values()) {
            assertEquals(1, trial.stream().filter(r -> r.status() == TrialStatus.COMPLETED).count(), trial.toString());
            long starts = trial.stream().filter(r -> r.status() == TrialStatus.RUNNING).count();
            long ends = trial.stream().filter(r -> r.status().isTerminal()).count();
            assertEquals(starts, ends, "every start has an end or a stale row: " + trial);
        }
        List<JournalRow> stale = rows.stream().filter(r -> r.status() == TrialStatus.STALE).toList();
        assertTrue(!stale.isEmpty(), "the killed driver left running trials to reap: " + rows);
        for (JournalRow s : stale) {
            assertTrue(rows.stream().anyMatch(r -> r.trialId().equals(s.trialId()) && r.status() == TrialStatus.COMPLETED
                    && r.attempt() == s.attempt() + 1), "the stale trial re-ran as attempt+1: " + s);
        }

        // The same ids and configs as an uninterrupted run of the same spec and seed.
        runLocally(spec, "resume-reference");
        assertEquals(configs(terminal(read("resume-reference"))), configs(terminal(rows)));
    }

    @Test
    @Order(3)
    void aWorkerKilledMidSweepLosesNoTrial() throws Exception {
        Path spec = ClusterSpecs.write(dir, "worker", script, 8, 2.0, 0);
        Path log = dir.resolve("worker.log");
        Process driver = cluster.startDriver(log, List.of("sweep", spec.toString(), "--sweep-id", "worker-1"));
        awaitLines(log, "completed", 2, driver);
        // Kill it while it runs a trial; a kill between two of its segments would lose no attempt to show.
        awaitFreshTrialOn(1, ClusterSpecs.runningDir(dir, "worker"), driver);
        cluster.killWorker(1);
        assertTrue(driver.waitFor(300, TimeUnit.SECONDS), "the sweep did not finish after losing a worker; see " + log);
        assertEquals(0, driver.exitValue(), Files.readString(log));

        List<JournalRow> rows = read("worker-1");
        Map<String, List<JournalRow>> byTrial = rows.stream().collect(Collectors.groupingBy(JournalRow::trialId));
        assertEquals(16, byTrial.size());
        for (List<JournalRow> trial : byTrial.values()) {
            assertEquals(1, trial.stream().filter(r -> r.status() == TrialStatus.COMPLETED).count(), trial.toString());
        }
        assertTrue(rows.stream().anyMatch(r -> r.status() == TrialStatus.STALE && r.message().contains("executor was lost")),
                "the journal shows the attempts lost with the worker: " + rows);
    }

    private static void runDriverToEnd(Path spec, String sweepId, Path log, String... extra) throws Exception {
        List<String> args = new java.util.ArrayList<>(List.of("sweep", spec.toString(), "--sweep-id", sweepId));
        args.addAll(List.of(extra));
        Process driver = cluster.startDriver(log, args);
        assertTrue(driver.waitFor(300, TimeUnit.SECONDS), "driver did not finish; see " + log);
        assertEquals(0, driver.exitValue(), Files.readString(log));
    }

    /** Waits until the driver's log has {@code n} lines containing {@code word}. */
    private static void awaitLines(Path log, String word, int n, Process driver) throws Exception {
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

    /** Waits until a trial started on Worker {@code worker} under 300 ms ago: segments here run 1-4 s, so it is running. */
    private static void awaitFreshTrialOn(int worker, Path running, Process driver) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(240);
        while (System.nanoTime() < deadline) {
            if (Files.isDirectory(running)) {
                try (var files = Files.list(running)) {
                    long now = System.currentTimeMillis();
                    boolean fresh = files.filter(f -> f.getFileName().toString().startsWith("worker-" + worker + "-")).anyMatch(f -> {
                        try {
                            return now - Files.getLastModifiedTime(f).toMillis() < 300;
                        } catch (IOException gone) {
                            return false;
                        }
                    });
                    if (fresh) {
                        return;
                    }
                }
            }
            assertTrue(driver.isAlive(), "driver ended before a trial started on worker " + worker);
            Thread.sleep(20);
        }
        throw new AssertionError("no trial started on worker " + worker + " in 240 s");
    }

    private static void runLocally(Path spec, String sweepId) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = MutuneCli.run(new String[] {"sweep", spec.toString(), "--sweep-id", sweepId, "--master", "local[2]"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
        assertEquals(0, code, out.toString(StandardCharsets.UTF_8));
    }

    private static List<JournalRow> read(String sweepId) {
        SparkSession spark = MutuneSpark.getOrCreate("local[2]");
        return Tables.journal(spark, "delta:" + dir.resolve("lake/trials")).read(sweepId);
    }

    private static List<JournalRow> terminal(List<JournalRow> rows) {
        return rows.stream().filter(r -> r.status().isTerminal() && r.status() != TrialStatus.STALE).toList();
    }

    private static Map<String, String> configs(List<JournalRow> rows) {
        Map<String, String> m = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        for (JournalRow r : rows) {
            assertTrue(seen.add(r.trialId()), "trial " + r.trialId() + " ended twice");
            m.put(r.trialId(), r.configJson());
        }
        return m;
    }
}
