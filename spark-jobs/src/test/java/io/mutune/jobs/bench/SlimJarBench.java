package io.mutune.jobs.bench;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
import io.mutune.jobs.cluster.ExecutorFolder;
import io.mutune.jobs.cluster.StandaloneCluster;
import io.mutune.jobs.session.MutuneSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * bench/slim-jar.sh: what each executor pays to start with the full jar, the slim jar, and the slim
 * jar with the DJL jar beside it. One standalone cluster (a Master, 2 Workers x 2 cores) whose
 * SPARK_HOME/jars is what a Spark distribution ships; each round submits the same small sweep of
 * external commands through SparkSubmit once per jar set, in turn, so load drifts hit all alike.
 * Figures per executor from its own log: the jar fetch ("Fetching" to "Adding ... to class loader")
 * and its start (process start logged to the last jar added); per application from the journal:
 * the driver's first ask to the first trial start.
 */
public final class SlimJarBench {
    private SlimJarBench() { }

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Path full = Path.of(System.getProperty("mutune.jar"));
        Path slim = Path.of(System.getProperty("mutune.slimJar"));
        Path djl = Path.of(System.getProperty("mutune.djlJar"));
        Map<String, List<Path>> sets = new LinkedHashMap<>();
        sets.put("full", List.of(full));
        sets.put("slim", List.of(slim));
        sets.put("slim+djl", List.of(slim, djl));
        for (Path jar : List.of(full, slim, djl)) {
            System.out.printf(Locale.ROOT, "jar %s bytes=%d (%.1f MB)%n", jar.getFileName(), Files.size(jar), Files.size(jar) / 1e6);
        }
        Path dir = Files.createTempDirectory("mutune-slim-bench-");
        Map<String, List<Double>> fetch = new LinkedHashMap<>();
        Map<String, List<Double>> start = new LinkedHashMap<>();
        Map<String, List<Double>> registered = new LinkedHashMap<>();
        Map<String, List<Double>> firstTrial = new LinkedHashMap<>();
        try (StandaloneCluster cluster = StandaloneCluster.start(dir.resolve("cluster"), 2, 2)) {
            Path log4j = cluster.script(ExecutorFolder.LOG4J);
            Path script = cluster.script("sleep-trial.sh");
            for (int round = 0; round < rounds; round++) {
                for (Map.Entry<String, List<Path>> set : sets.entrySet()) {
                    String id = set.getKey().replace('+', '-') + "-" + round;
                    Path spec = spec(dir, id, script);
                    Set<Path> before = ExecutorFolder.apps(cluster, 2);
                    List<Path> jars = set.getValue();
                    List<String> options = jars.size() > 1 ? List.of("--jars", jars.get(1).toString()) : List.of();
                    Path log = dir.resolve(id + ".log");
                    Process driver = cluster.submit(log, options, List.of("-Dlog4j2.configurationFile=" + log4j), jars.get(0),
                            List.of("sweep", spec.toString(), "--sweep-id", id));
                    if (!driver.waitFor(600, TimeUnit.SECONDS) || driver.exitValue() != 0) {
                        throw new IllegalStateException("the driver failed; see " + log + ":\n" + Files.readString(log));
                    }
                    for (ExecutorFolder e : ExecutorFolder.newSince(before, cluster, 2)) {
                        e.fetchMillis().ifPresent(ms -> fetch.computeIfAbsent(set.getKey(), k -> new ArrayList<>()).add((double) ms));
                        e.startMillis().ifPresent(ms -> start.computeIfAbsent(set.getKey(), k -> new ArrayList<>()).add((double) ms));
                        e.registeredToReadyMillis().ifPresent(ms -> registered.computeIfAbsent(set.getKey(), k -> new ArrayList<>()).add((double) ms));
                    }
                    firstTrial.computeIfAbsent(set.getKey(), k -> new ArrayList<>()).add(firstTrialMillis(dir, id));
                    System.out.printf(Locale.ROOT, "round %d %s done%n", round, set.getKey());
                }
            }
        }
        System.out.println("jars | executor jar fetch ms, median (min-max) | executor registered to ready ms | executor process start to ready ms"
                + " | first ask to first trial start ms");
        for (String set : sets.keySet()) {
            System.out.printf(Locale.ROOT, "%s | %s | %s | %s | %s%n", set, summary(fetch.get(set)), summary(registered.get(set)),
                    summary(start.get(set)), summary(firstTrial.get(set)));
        }
        for (String set : List.of("slim", "slim+djl")) {
            System.out.printf(Locale.ROOT, "ratio %s/full: fetch %.3f, registered to ready %.3f, process start to ready %.3f, first trial %.3f%n", set,
                    median(fetch.get(set)) / median(fetch.get("full")), median(registered.get(set)) / median(registered.get("full")),
                    median(start.get(set)) / median(start.get("full")), median(firstTrial.get(set)) / median(firstTrial.get("full")));
        }
    }

    /** 2 widths x 2 trials of 0.1-0.4 s, on the executors' CPUs. */
    private static Path spec(Path dir, String id, Path script) throws Exception {
        String text = """
                sweep: %s
                seed: 11
                proxy:
                  model: command
                  command: ["bash", "%s"]
                  env: {SLEEP_SCALE: "0.2"}
                  parametrization: mup
                scales:
                  width: [64, 128]
                search:
                  algorithm: random
                  metric: val_loss
                  space:
                    lr: {float: [1.0e-4, 1.0e-1], log: true}
                  resource: {name: steps, max: 1}
                  trials_per_scale: 2
                resources: {gpus_per_trial: 0, max_retries: 0, trial_timeout_s: 120}
                targets:
                  - {width: 1024}
                output:
                  trials: delta:%s
                  recommendations: delta:%s
                  checkpoints: file:%s
                """.formatted(id, script, dir.resolve("lake/trials"), dir.resolve("lake/recommendations"), dir.resolve("ckpt"));
        Path file = dir.resolve(id + ".yaml");
        Files.writeString(file, text);
        return file;
    }

    private static double firstTrialMillis(Path dir, String id) {
        List<JournalRow> rows = Tables.journal(MutuneSpark.getOrCreate("local[1]"), "delta:" + dir.resolve("lake/trials")).read(id);
        long firstAsk = rows.stream().filter(r -> r.status() == TrialStatus.RUNNING).mapToLong(r -> r.startedAt().toEpochMilli()).min().orElseThrow();
        long firstStart = rows.stream().filter(r -> r.status() == TrialStatus.COMPLETED).mapToLong(r -> r.startedAt().toEpochMilli()).min().orElseThrow();
        return firstStart - firstAsk;
    }

    private static String summary(List<Double> xs) {
        if (xs == null || xs.isEmpty()) {
            return "none logged";
        }
        return String.format(Locale.ROOT, "%.0f (%.0f-%.0f, n=%d)", median(xs), xs.stream().mapToDouble(d -> d).min().orElseThrow(),
                xs.stream().mapToDouble(d -> d).max().orElseThrow(), xs.size());
    }

    private static double median(List<Double> xs) {
        List<Double> s = new ArrayList<>(xs);
        s.sort(null);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }
}
