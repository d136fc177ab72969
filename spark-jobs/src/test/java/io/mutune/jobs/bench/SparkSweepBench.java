package io.mutune.jobs.bench;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
import io.mutune.jobs.cluster.StandaloneCluster;
import io.mutune.jobs.session.MutuneSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;

/**
 * bench/spark-sweep.sh: 256 sleep-based segments of heterogeneous durations on a standalone cluster
 * with 4 trial slots (2 Workers x 2 fake GPUs, one GPU per trial), driver in a child JVM; then the
 * driver's memory when it resumes a sweep whose journal holds 10,000 trials.
 */
public final class SparkSweepBench {
    private SparkSweepBench() { }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("scale")) {
            ScaleBench.main(java.util.Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        Path dir = Files.createTempDirectory("mutune-bench-");
        double sleepScale = args.length > 0 ? Double.parseDouble(args[0]) : 1.0;
        int queueAhead = args.length > 2 ? Integer.parseInt(args[2]) : 1;
        try (StandaloneCluster cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, 3)) {
            Path script = cluster.script("sleep-trial.sh");
            Path spec = writeSpec(dir, "bench", script, 128, sleepScale, queueAhead);
            long t0 = System.nanoTime();
            run(cluster, dir.resolve("bench.log"), List.of("sweep", spec.toString(), "--sweep-id", "bench-256"), List.of());
            double processWall = (System.nanoTime() - t0) / 1e9;
            SparkSession spark = MutuneSpark.getOrCreate("local[1]");
            TrialJournal journal = Tables.journal(spark, "delta:" + dir.resolve("lake/trials"));
            SweepFigures f = SweepFigures.of(journal.read("bench-256"), 4);
            System.out.printf(Locale.ROOT, "queue_ahead=%d segments=%d slots=4 sweep_wall_s=%.1f driver_process_wall_s=%.1f utilisation=%.3f "
                    + "utilisation_from_first_start=%.3f slot_gap_median_ms=%.0f overhead_median_ms=%.0f overhead_p95_ms=%.0f%n", queueAhead,
                    f.segments(), f.wallSeconds(), processWall, f.utilisation(), f.steadyUtilisation(), f.medianSlotGapMs(),
                    f.medianOverheadMs(), f.p95OverheadMs());
            // the driver's own share (ask to job submission), from the scheduling line of its summary
            Matcher sched = Pattern.compile("scheduling: .*").matcher(Files.readString(dir.resolve("bench.log")));
            System.out.println(sched.find() ? "driver " + sched.group() : "driver printed no scheduling line");

            if (args.length > 1 && args[1].equals("sweep-only")) {
                return;
            }
            // Driver memory with 10,000 trials in the journal: a journal of 2 x 5,000 ended trials, resumed
            // with one more trial per scale point planned, so the driver replays all of them, runs 2, fits and publishes.
            Path big = writeSpec(dir, "big", script, 5001, 0.01, queueAhead);
            journal.append(syntheticJournal("big-10k", 5000));
            Path gcLog = dir.resolve("gc.log");
            run(cluster, dir.resolve("big.log"), List.of("sweep", big.toString(), "--sweep-id", "big-10k"),
                    List.of("-Xlog:gc:file=" + gcLog));
            System.out.printf(Locale.ROOT, "journal_trials=%d driver_heap_after_gc_max_mib=%d driver_heap_after_gc_last_mib=%d%n",
                    journal.read("big-10k").stream().filter(r -> r.status() == TrialStatus.COMPLETED).count(),
                    afterGcMiB(gcLog, true), afterGcMiB(gcLog, false));
        }
    }

    private static void run(StandaloneCluster cluster, Path log, List<String> args, List<String> jvm) throws Exception {
        Process driver = cluster.startDriver(log, args, jvm);
        if (!driver.waitFor(1200, TimeUnit.SECONDS) || driver.exitValue() != 0) {
            throw new IllegalStateException("the driver failed; see " + log + ":\n" + Files.readString(log));
        }
    }

    /** Heap occupancy after each GC, from -Xlog:gc lines such as "Pause Young (Normal) 60M->12M(256M)". */
    static long afterGcMiB(Path gcLog, boolean max) throws Exception {
        Matcher m = Pattern.compile("->(\\d+)M\\(").matcher(Files.readString(gcLog));
        long best = 0;
        long last = 0;
        while (m.find()) {
            last = Long.parseLong(m.group(1));
            best = Math.max(best, last);
        }
        return max ? best : last;
    }

    static List<JournalRow> syntheticJournal(String sweepId, int trialsPerScale) {
        List<JournalRow> rows = new ArrayList<>();
        long seq = 0;
        for (int t = 0; t < trialsPerScale; t++) {
            for (double width : new double[] {64, 128}) {
                String key = "w" + (int) width;
                String id = key + "-t" + String.format("%04d", t);
                double lr = Math.exp(Math.log(1e-4) + (Math.log(1e-1) - Math.log(1e-4)) * ((t * 0.618034) % 1.0));
                String config = "{\"lr\":" + lr + "}";
                double loss = 1 + Math.pow(Math.log(lr / 0.01) + 0.1 * Math.log(width / 64), 2);
                Instant now = Instant.now();
                rows.add(new JournalRow(sweepId, seq++, key, width, null, null, null, id, t, null, config, 0, 1, 0, Map.of(), null,
                        TrialStatus.RUNNING, 0, null, null, null, t, "ask bracket=0 resume_from=-", now, null));
                rows.add(new JournalRow(sweepId, seq++, key, width, null, null, null, id, t, null, config, 0, 1, 1,
                        Map.of("val_loss", loss), "[[1,{\"val_loss\":" + loss + "}]]", TrialStatus.COMPLETED, 0, "0", "0", null, t, null,
                        now, now));
            }
        }
        return rows;
    }

    private static Path writeSpec(Path dir, String name, Path script, int trialsPerScale, double sleepScale, int queueAhead)
            throws Exception {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                sweep: %s
                seed: 3
                proxy: {model: command, command: ["bash", "%s"], env: {SLEEP_SCALE: "%s"}, parametrization: mup}
                scales: {width: [64, 128]}
                search:
                  space: {lr: {float: [1.0e-4, 1.0e-1], log: true}}
                  resource: {max: 1}
                  trials_per_scale: %d
                resources: {gpus_per_trial: 1, max_retries: 0, queue_ahead: %d}
                targets: [{width: 1024}]
                output:
                  trials: "delta:%s"
                  recommendations: "delta:%s"
                  checkpoints: "file:%s"
                """.formatted(name, script, sleepScale, trialsPerScale, queueAhead, dir.resolve("lake/trials"), dir.resolve("lake/recs"),
                dir.resolve("ckpt")));
        return file;
    }
}
