package io.mutune.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
import io.mutune.jobs.session.MutuneSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slim submit jar on a real standalone cluster whose SPARK_HOME/jars holds only what a Spark
 * distribution ships, each driver started by Spark's own SparkSubmit as a user would: a sweep of
 * external commands runs from the slim jar alone and no executor ever loads a DJL class; a DJL sweep
 * runs with the DJL jar beside it, and an iceberg: journal with Iceberg from --packages; without
 * the DJL jar, or without Iceberg for an iceberg: table, the driver refuses the spec in one line
 * before any trial runs.
 */
class SlimJarClusterIT {
    private static final int WORKERS = 2;
    @TempDir
    static Path dir;
    static StandaloneCluster cluster;
    static Path slimJar;
    static Path djlJar;
    static Path executorLog4j;

    @BeforeAll
    static void startCluster() throws Exception {
        slimJar = Path.of(System.getProperty("mutune.slimJar"));
        djlJar = Path.of(System.getProperty("mutune.djlJar"));
        cluster = StandaloneCluster.start(dir.resolve("cluster"), WORKERS, 2);
        executorLog4j = cluster.script(ExecutorFolder.LOG4J);
    }

    @AfterAll
    static void stopCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void aCommandSweepRunsFromTheSlimJarAloneAndNoExecutorLoadsDjl() throws Exception {
        assertNoJarOnTheCluster("ai/djl/", "io/delta/", "io/mutune/");
        try (ZipFile jar = new ZipFile(slimJar.toFile())) {
            for (String shipped : List.of("ai/djl/", "pytorch/", "org/apache/iceberg/", "org/apache/hadoop/", "org/apache/parquet/",
                    "com/fasterxml/jackson/databind/", "scala/", "org/apache/spark/SparkContext")) {
                assertTrue(jar.stream().noneMatch(e -> e.getName().startsWith(shipped)), "the slim jar carries " + shipped);
            }
        }
        Path script = cluster.script("sleep-trial.sh");
        Path spec = ClusterSpecs.write(dir, "slim", script, 4, 0.3, 0);
        Set<Path> before = ExecutorFolder.apps(cluster, WORKERS);
        Path log = dir.resolve("slim.log");
        int code = submit(log, List.of("--conf", "spark.executor.resource.gpu.amount=2", "--conf", "spark.task.resource.gpu.amount=1"),
                List.of("sweep", spec.toString(), "--sweep-id", "slim-1"));
        assertEquals(0, code, Files.readString(log));

        List<JournalRow> ended = read("slim-1").stream().filter(r -> r.status().isTerminal()).toList();
        assertEquals(8, ended.size(), ended.toString());
        assertTrue(ended.stream().allMatch(r -> r.status() == TrialStatus.COMPLETED), ended.toString());

        List<ExecutorFolder> executors = ExecutorFolder.newSince(before, cluster, WORKERS);
        assertEquals(WORKERS, executors.size(), executors.toString());
        for (ExecutorFolder e : executors) {
            assertEquals(List.of(slimJar.getFileName().toString()), e.fetchedJars(), "what " + e.dir() + " fetched");
            // The runner that ran the trials came from the slim jar, so the class log is this executor's real one.
            List<String> runner = e.loadedClasses("io.mutune.jobs.external.ExternalCommandRunner ");
            assertEquals(1, runner.size(), e.dir().toString());
            assertTrue(runner.get(0).contains(slimJar.getFileName().toString()), runner.get(0));
            assertEquals(List.of(), e.loadedClasses("ai.djl."), "DJL classes loaded on " + e.dir());
        }
    }

    @Test
    void aDjlSweepRunsWithTheDjlJarBesideTheSlimJar() throws Exception {
        Path spec = djlSpec("djl", "delta:" + dir.resolve("lake/trials"));
        Set<Path> before = ExecutorFolder.apps(cluster, WORKERS);
        Path log = dir.resolve("djl.log");
        int code = submit(log, List.of("--jars", djlJar.toString()), List.of("sweep", spec.toString(), "--sweep-id", "djl-1"));
        assertEquals(0, code, Files.readString(log));

        List<JournalRow> ended = read("djl-1").stream().filter(r -> r.status().isTerminal()).toList();
        assertEquals(4, ended.size(), ended.toString());
        for (JournalRow r : ended) {
            assertEquals(TrialStatus.COMPLETED, r.status(), r.toString());
            assertTrue(Double.isFinite(r.metrics().get("val_loss")), r.toString());
        }
        List<String> engines = new ArrayList<>();
        for (ExecutorFolder e : ExecutorFolder.newSince(before, cluster, WORKERS)) {
            assertEquals(List.of(djlJar.getFileName().toString(), slimJar.getFileName().toString()), e.fetchedJars(), e.dir().toString());
            engines.addAll(e.loadedClasses("ai.djl.pytorch.engine.PtEngine "));
        }
        assertFalse(engines.isEmpty(), "an executor trained with DJL's PyTorch engine");
        assertTrue(engines.stream().allMatch(l -> l.contains(djlJar.getFileName().toString())), engines.toString());
    }

    @Test
    void aDjlSweepWithoutTheDjlJarIsRefusedInOneLineBeforeAnyTrial() throws Exception {
        Path spec = djlSpec("nodjl", "delta:" + dir.resolve("lake/nodjl-trials"));
        Path log = dir.resolve("nodjl.log");
        int code = submit(log, List.of(), List.of("sweep", spec.toString(), "--sweep-id", "nodjl-1"));
        String out = Files.readString(log);
        assertEquals(2, code, out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("mutune sweep: proxy.model: mlp needs DJL's PyTorch engine, which is not on the classpath:")
                && l.contains("--jars mutune-djl.jar")), out);
        assertFalse(out.contains("\tat "), "no stack trace: " + out);
        assertFalse(Files.exists(dir.resolve("lake/nodjl-trials")), "nothing was written");
    }

    @Test
    void anIcebergJournalWithoutIcebergIsRefusedInOneLine() throws Exception {
        Path spec = ClusterSpecs.write(dir, "noiceberg", cluster.script("sleep-trial.sh"), 1, 0.1, 0);
        String warehouse = dir.resolve("warehouse").toString();
        Files.writeString(spec, Files.readString(spec).replace("trials: delta:" + dir.resolve("lake/trials"), "trials: iceberg:" + warehouse + "#mutune.trials"));
        Path log = dir.resolve("noiceberg.log");
        int code = submit(log, List.of("--conf", "spark.executor.resource.gpu.amount=2", "--conf", "spark.task.resource.gpu.amount=1"),
                List.of("sweep", spec.toString(), "--sweep-id", "noiceberg-1"));
        String out = Files.readString(log);
        assertEquals(2, code, out);
        assertTrue(out.lines().anyMatch(l -> l.startsWith("mutune sweep: output.trials: iceberg:" + warehouse + "#mutune.trials needs Iceberg's Spark runtime")
                && l.contains("--packages org.apache.iceberg:iceberg-spark-runtime-4.1_2.13:1.12.0")), out);
        assertFalse(out.contains("\tat "), "no stack trace: " + out);
        assertFalse(Files.exists(Path.of(warehouse)), "nothing was written");
    }

    @Test
    void anIcebergJournalWorksWithIcebergFromPackages() throws Exception {
        Path spec = ClusterSpecs.write(dir, "iceberg", cluster.script("sleep-trial.sh"), 2, 0.1, 0);
        String journal = "iceberg:" + dir.resolve("warehouse-packages") + "#mutune.trials";
        Files.writeString(spec, Files.readString(spec).replace("trials: delta:" + dir.resolve("lake/trials"), "trials: " + journal));
        Set<Path> before = ExecutorFolder.apps(cluster, WORKERS);
        Path log = dir.resolve("iceberg.log");
        // Ivy resolves the coordinates from the local Maven repository the build filled; its cache is this test's own.
        int code = submit(log, List.of("--packages", "org.apache.iceberg:iceberg-spark-runtime-4.1_2.13:1.12.0",
                        "--conf", "spark.jars.ivy=" + dir.resolve("ivy"),
                        "--conf", "spark.executor.resource.gpu.amount=2", "--conf", "spark.task.resource.gpu.amount=1"),
                List.of("sweep", spec.toString(), "--sweep-id", "iceberg-1"));
        assertEquals(0, code, Files.readString(log));

        List<JournalRow> ended = Tables.journal(MutuneSpark.getOrCreate("local[2]"), journal).read("iceberg-1").stream()
                .filter(r -> r.status().isTerminal()).toList();
        assertEquals(4, ended.size(), ended.toString());
        assertTrue(ended.stream().allMatch(r -> r.status() == TrialStatus.COMPLETED), ended.toString());
        for (ExecutorFolder e : ExecutorFolder.newSince(before, cluster, WORKERS)) {
            assertEquals(List.of(slimJar.getFileName().toString(), "org.apache.iceberg_iceberg-spark-runtime-4.1_2.13-1.12.0.jar"),
                    e.fetchedJars(), e.dir().toString());
        }
    }

    /** spark-submit of the slim jar with {@code options}; executors log their classes and time their start. */
    private static int submit(Path log, List<String> options, List<String> args) throws Exception {
        Process driver = cluster.submit(log, options, List.of(ExecutorFolder.CLASS_LOAD_FLAG, "-Dlog4j2.configurationFile=" + executorLog4j),
                slimJar, args);
        assertTrue(driver.waitFor(300, TimeUnit.SECONDS), "driver did not finish; see " + log);
        return driver.exitValue();
    }

    private static void assertNoJarOnTheCluster(String... groups) throws IOException {
        try (var jars = Files.list(cluster.sparkJars())) {
            List<String> targets = jars.map(p -> {
                try {
                    return p.toRealPath().toString();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
            for (String g : groups) {
                assertTrue(targets.stream().noneMatch(t -> t.contains("/repository/" + g)), "SPARK_HOME/jars has " + g + ": " + targets);
            }
            assertTrue(targets.stream().anyMatch(t -> t.contains("/spark-core_2.13-")), "SPARK_HOME/jars has Spark: " + targets);
        }
    }

    /** The smallest DJL sweep: a muP MLP at two widths, two trials each, 20 steps, on the executors' CPUs. */
    private static Path djlSpec(String name, String trials) throws IOException {
        String spec = """
                sweep: %s
                seed: 5
                proxy:
                  model: mlp
                  parametrization: mup
                  optimizer: adamw
                  base: {width: 32, depth: 2}
                  data: {kind: teacher, seed: 3}
                scales:
                  width: [32, 64]
                search:
                  algorithm: random
                  metric: val_loss
                  mode: min
                  space:
                    lr: {float: [1.0e-3, 3.0e-1], log: true}
                  resource: {name: steps, max: 20}
                  trials_per_scale: 2
                resources: {gpus_per_trial: 0, max_retries: 0}
                targets:
                  - {width: 1024}
                output:
                  trials: %s
                  recommendations: delta:%s
                  checkpoints: file:%s
                """.formatted(name, trials, dir.resolve("lake/recommendations-" + name), dir.resolve("ckpt-" + name));
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, spec);
        return file;
    }

    private static List<JournalRow> read(String sweepId) {
        return Tables.journal(MutuneSpark.getOrCreate("local[2]"), "delta:" + dir.resolve("lake/trials")).read(sweepId);
    }
}
