package io.mutune.jobs.bench;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
import io.mutune.jobs.cluster.ScaleSpecs;
import io.mutune.jobs.cluster.StandaloneCluster;
import io.mutune.jobs.session.MutuneSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;

/**
 * {@code bench/spark-sweep.sh scale [SLOTS_PER_WORKER [ASHA_TRIALS [TPE_TRIALS [HEAP_TRIALS]]]]}: the
 * many-slot run. Two Workers of {@code SLOTS_PER_WORKER} fake GPUs (and one core more, for the
 * journal's commits), one GPU per trial, sleep-trial segments of 1-4 s through the external-command
 * runner: an ASHA sweep (about 5,000 segments by default) and a TPE sweep (2,000), each driven by
 * a child JVM; then the driver's heap when it resumes a journal of {@code 2 x HEAP_TRIALS} trials
 * (100,000 rows by default). Prints one line of figures per run for docs/benchmarks.md.
 */
final class ScaleBench {
    private ScaleBench() { }

    static void main(String[] args) throws Exception {
        int perWorker = args.length > 0 ? Integer.parseInt(args[0]) : 32;
        int ashaTrials = args.length > 1 ? Integer.parseInt(args[1]) : 1690;
        int tpeTrials = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
        int heapTrials = args.length > 3 ? Integer.parseInt(args[3]) : 25_000;
        Path dir = Files.createTempDirectory("mutune-scale-");
        System.out.printf(Locale.ROOT, "scale bench: 2 workers x %d one-GPU slots, load average %.1f, folder %s%n", perWorker,
                ProcessCpu.loadAverage(), dir);
        try (StandaloneCluster cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, perWorker + 1, perWorker)) {
            Path script = cluster.script("sleep-trial.sh");
            SparkSession spark = MutuneSpark.getOrCreate("local[1]");
            TrialJournal journal = Tables.journal(spark, "delta:" + dir.resolve("lake/trials"));
            if (ashaTrials > 0) {
                Path spec = ScaleSpecs.write(dir, "asha", script, "asha", ashaTrials, 27);
                measure(cluster, journal, dir, spec, "asha-1");
            }
            if (tpeTrials > 0) {
                Path spec = ScaleSpecs.write(dir, "tpe", script, "tpe", tpeTrials, 1);
                measure(cluster, journal, dir, spec, "tpe-1");
            }
            if (heapTrials > 0) {
                heapAtJournalRows(cluster, journal, dir, script, heapTrials);
            }
        }
    }

    private static void measure(StandaloneCluster cluster, TrialJournal journal, Path dir, Path spec, String sweepId) throws Exception {
        Path log = dir.resolve(sweepId + ".log");
        Path gcLog = dir.resolve(sweepId + "-gc.log");
        double load0 = ProcessCpu.loadAverage();
        long[] machine0 = ProcessCpu.machineTicks();
        double cluster0 = clusterCpu(cluster);
        long t0 = System.nanoTime();
        List<String> jvm = new ArrayList<>(List.of("-Xlog:gc:file=" + gcLog));
        // MUTUNE_BENCH_JFR=1: a CPU profile of the driver (jfr print --events jdk.ExecutionSample FILE)
        if ("1".equals(System.getenv("MUTUNE_BENCH_JFR"))) {
            jvm.add("-XX:StartFlightRecording=filename=" + dir.resolve(sweepId + "-driver.jfr") + ",settings=profile");
        }
        List<String> args = new ArrayList<>(List.of("sweep", spec.toString(), "--sweep-id", sweepId));
        // MUTUNE_BENCH_VERBOSE=1: Spark's INFO log in the driver's log (each job's submission and duration)
        if ("1".equals(System.getenv("MUTUNE_BENCH_VERBOSE"))) {
            args.add("--verbose");
        }
        Process driver = cluster.startDriver(log, args, jvm);
        double driverCpu = 0;
        double maxLoad = load0;
        while (!driver.waitFor(500, TimeUnit.MILLISECONDS)) {
            driverCpu = Math.max(driverCpu, ProcessCpu.seconds(driver.pid()));
            maxLoad = Math.max(maxLoad, ProcessCpu.loadAverage());
            if (System.nanoTime() - t0 > TimeUnit.MINUTES.toNanos(40)) {
                driver.destroyForcibly();
                throw new IllegalStateException("the driver ran past 40 minutes; see " + log);
            }
        }
        double processWall = (System.nanoTime() - t0) / 1e9;
        if (driver.exitValue() != 0) {
            throw new IllegalStateException("the driver failed; see " + log + ":\n" + Files.readString(log));
        }
        long[] machine1 = ProcessCpu.machineTicks();
        double clusterCpu = clusterCpu(cluster) - cluster0;
        List<JournalRow> rows = journal.read(sweepId);
        SweepFigures f = SweepFigures.of(rows, cluster.slots());
        String text = Files.readString(log);
        System.out.printf(Locale.ROOT, "%s: slots=%d trials=%d segments=%d rows=%d wall_s=%.1f driver_process_s=%.1f utilisation=%.3f "
                        + "utilisation_from_first_start=%.3f segments_per_s=%.1f slot_gap_ms_median=%.0f p95=%.0f "
                        + "ask_to_start_ms_median=%.0f p95=%.0f p99=%.0f%n",
                sweepId, cluster.slots(), f.trials(), f.segments(), rows.size(), f.wallSeconds(), processWall, f.utilisation(),
                f.steadyUtilisation(), f.segments() / f.wallSeconds(), f.medianSlotGapMs(), f.p95SlotGapMs(),
                f.medianOverheadMs(), f.p95OverheadMs(), f.p99OverheadMs());
        System.out.printf(Locale.ROOT, "%s: driver_cpu_s=%.1f (%.0f%% of one core over the driver's life, %.1f ms per segment) "
                        + "driver_heap_after_gc_max_mib=%d cluster_cpu_s=%.1f machine_busy=%.0f%% of 2 cores, load average %.1f -> %.1f (max %.1f)%n",
                sweepId, driverCpu, 100 * driverCpu / processWall, 1000 * driverCpu / Math.max(1, f.segments()),
                SparkSweepBench.afterGcMiB(gcLog, true), clusterCpu,
                100.0 * (machine1[0] - machine0[0]) / Math.max(1, machine1[1] - machine0[1]), load0, ProcessCpu.loadAverage(), maxLoad);
        System.out.println(sweepId + ": driver " + line(text, "scheduling: .*"));
        System.out.println(sweepId + ": driver " + line(text, "journal: .*"));
        System.out.println(sweepId + ": driver " + line(text, "\\s+trials: .*").trim());
    }

    /**
     * Driver heap with {@code 2 x trialsPerScale} ended trials in the journal: the driver reads and
     * replays them all, runs one more trial per scale point, fits and publishes, under -Xmx512m.
     */
    private static void heapAtJournalRows(StandaloneCluster cluster, TrialJournal journal, Path dir, Path script, int trialsPerScale)
            throws Exception {
        Path spec = ScaleSpecs.write(dir, "heap", script, "random", trialsPerScale + 1, 1, 0.01, "");
        List<JournalRow> synthetic = SparkSweepBench.syntheticJournal("heap-1", trialsPerScale);
        for (int from = 0; from < synthetic.size(); from += 20_000) {
            journal.append(new ArrayList<>(synthetic.subList(from, Math.min(synthetic.size(), from + 20_000))));
        }
        Path gcLog = dir.resolve("heap-gc.log");
        Path log = dir.resolve("heap.log");
        long t0 = System.nanoTime();
        Process driver = cluster.startDriver(log, List.of("sweep", spec.toString(), "--sweep-id", "heap-1"),
                List.of("-Xmx512m", "-Xlog:gc:file=" + gcLog));
        if (!driver.waitFor(40, TimeUnit.MINUTES) || driver.exitValue() != 0) {
            throw new IllegalStateException("the driver failed under -Xmx512m; see " + log + ":\n" + Files.readString(log));
        }
        long completed = journal.read("heap-1").stream().filter(r -> r.status() == TrialStatus.COMPLETED).count();
        System.out.printf(Locale.ROOT, "heap: journal_rows_before=%d completed_after=%d driver_xmx_mib=512 driver_heap_after_gc_max_mib=%d "
                        + "last_mib=%d driver_process_s=%.1f%n", synthetic.size(), completed, SparkSweepBench.afterGcMiB(gcLog, true),
                SparkSweepBench.afterGcMiB(gcLog, false), (System.nanoTime() - t0) / 1e9);
    }

    private static double clusterCpu(StandaloneCluster cluster) {
        double s = 0;
        for (ProcessHandle w : cluster.workerProcesses()) {
            s += ProcessCpu.withDescendants(w);
        }
        return s;
    }

    private static String line(String text, String regex) {
        Matcher m = Pattern.compile(regex).matcher(text);
        return m.find() ? m.group() : "(no line matching " + regex + ")";
    }
}
