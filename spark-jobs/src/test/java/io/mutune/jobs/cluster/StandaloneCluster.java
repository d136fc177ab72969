package io.mutune.jobs.cluster;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Spark standalone cluster on loopback for tests and the benchmark: one Master and N
 * Workers, each its own JVM, started from a SPARK_HOME built out of the Maven classpath. Every
 * Worker offers fake GPUs (two unless told otherwise). Drivers run as child JVMs too, so a test can
 * kill -9 any of them.
 */
public final class StandaloneCluster implements AutoCloseable {
    private final Path dir;
    private final Path sparkHome;
    private final int coresPerWorker;
    private final int gpusPerWorker;
    private final int masterPort;
    private final int masterUiPort;
    private final Process master;
    private final List<Process> workers = new ArrayList<>();
    private final List<Process> drivers = new ArrayList<>();

    private StandaloneCluster(Path dir, int coresPerWorker, int gpusPerWorker) throws IOException {
        this.dir = dir;
        this.coresPerWorker = coresPerWorker;
        this.gpusPerWorker = gpusPerWorker;
        this.sparkHome = buildSparkHome(dir);
        this.masterPort = freePort();
        this.masterUiPort = freePort();
        this.master = launch("master", Map.of(), List.of("org.apache.spark.deploy.master.Master",
                "--host", "127.0.0.1", "--port", Integer.toString(masterPort), "--webui-port", Integer.toString(masterUiPort)), List.of());
    }

    /** Starts a Master and {@code workers} Workers of two fake GPUs each and waits until all Workers have registered. */
    public static StandaloneCluster start(Path dir, int workers, int coresPerWorker) throws IOException, InterruptedException {
        return start(dir, workers, coresPerWorker, 2);
    }

    /**
     * As above, each Worker offering {@code gpusPerWorker} fake GPUs. Cores beyond the machine's are
     * fine for trials that sleep: a Worker offers what it is told to.
     */
    public static StandaloneCluster start(Path dir, int workers, int coresPerWorker, int gpusPerWorker) throws IOException, InterruptedException {
        StandaloneCluster c = new StandaloneCluster(dir, coresPerWorker, gpusPerWorker);
        try {
            c.awaitPort(c.masterPort, 120);
            for (int i = 0; i < workers; i++) {
                c.workers.add(c.startWorker(i));
            }
            c.awaitAliveWorkers(workers, 120);
            return c;
        } catch (IOException | InterruptedException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    public String masterUrl() {
        return "spark://127.0.0.1:" + masterPort;
    }

    /** One-GPU trial slots: per Worker, the fewer of its cores and its GPUs. */
    public int slots() {
        return workers.size() * Math.min(coresPerWorker, gpusPerWorker);
    }

    /** The Worker JVMs, whose descendants are the executors and the trial processes they run. */
    public List<ProcessHandle> workerProcesses() {
        return workers.stream().map(Process::toHandle).toList();
    }

    /** Kills a Worker JVM and everything it launched (executor, trial processes) with SIGKILL, as a lost machine. */
    public void killWorker(int index) throws InterruptedException {
        Process w = workers.get(index);
        List<ProcessHandle> children = w.descendants().toList();
        w.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        w.waitFor(30, TimeUnit.SECONDS);
    }

    /**
     * Starts a driver: {@code mutune ARGS} in a child JVM against this cluster. Output goes to {@code log}.
     * Tasks outside a trial's resource profile (journal commits) also take one GPU, as the design's setup does.
     */
    public Process startDriver(Path log, List<String> args) throws IOException {
        return startDriver(log, args, List.of("-Dspark.task.resource.gpu.amount=1"));
    }

    /** As above, with extra JVM flags for the driver (system properties, GC logging). */
    public Process startDriver(Path log, List<String> args, List<String> jvmFlags) throws IOException {
        return startDriverMain(log, "io.mutune.jobs.cli.MutuneCli", args, jvmFlags);
    }

    /**
     * A driver JVM running {@code mainClass} of the test classes (a notebook's calls to the library),
     * set up as {@link #startDriver} sets up {@code mutune}; {@code --master URL} ends its arguments.
     */
    public Process startDriverMain(Path log, String mainClass, List<String> args, List<String> jvmFlags) throws IOException {
        String jar = property("mutune.jar");
        String testClasses;
        try {
            testClasses = Path.of(StandaloneCluster.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IOException(e);
        }
        String classpath = Files.readString(Path.of(property("mutune.sparkClasspath"))).trim() + ":" + jar
                + (mainClass.startsWith("io.mutune.jobs.cli.") ? "" : ":" + testClasses);
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBin());
        cmd.add("-Xmx768m");
        cmd.addAll(opens());
        cmd.addAll(List.of("-Dlog4j2.configurationFile=" + property("mutune.log4j"),
                "-Dspark.driver.host=127.0.0.1", "-Dspark.driver.bindAddress=127.0.0.1", "-Dspark.ui.enabled=false",
                "-Dspark.jars=" + jar,
                "-Dspark.executor.extraJavaOptions=" + String.join(" ", opens()) + executorExtraOptions(),
                "-Dspark.executor.memory=640m", "-Dspark.executor.cores=" + coresPerWorker,
                "-Dspark.executor.resource.gpu.amount=" + gpusPerWorker));
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", classpath, mainClass));
        cmd.addAll(args);
        cmd.addAll(List.of("--master", masterUrl()));
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env());
        Process p = pb.start();
        drivers.add(p);
        return p;
    }

    /** A resource script copied out of the test classpath into the cluster folder, made executable. */
    public Path script(String name) throws IOException {
        Path p = dir.resolve(name);
        try (InputStream in = StandaloneCluster.class.getResourceAsStream("/cluster/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /cluster/" + name);
            }
            Files.write(p, in.readAllBytes());
        }
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    /**
     * Submits an application as a user does: Spark's own {@code SparkSubmit}, run from SPARK_HOME/jars
     * alone in client mode, with {@code options} (--jars, --conf...) before the application jar and
     * {@code args} after it. Nothing of the build's classpath reaches the driver or the executors but
     * the jars submitted. {@code executorFlags} join the module flags on each executor's JVM.
     */
    public Process submit(Path log, List<String> options, List<String> executorFlags, Path appJar, List<String> args) throws IOException {
        List<String> executorJvm = new ArrayList<>(opens());
        executorJvm.addAll(executorFlags);
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBin());
        cmd.add("-Xmx768m");
        cmd.addAll(opens());
        cmd.add("-Dlog4j2.configurationFile=" + property("mutune.log4j"));
        cmd.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*", "org.apache.spark.deploy.SparkSubmit",
                "--master", masterUrl(), "--deploy-mode", "client", "--class", "io.mutune.jobs.cli.MutuneCli",
                "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
                "--conf", "spark.ui.enabled=false", "--conf", "spark.executor.memory=640m",
                "--conf", "spark.executor.cores=" + coresPerWorker,
                "--conf", "spark.executor.extraJavaOptions=" + String.join(" ", executorJvm)));
        cmd.addAll(options);
        cmd.add(appJar.toString());
        cmd.addAll(args);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().putAll(env());
        Process p = pb.start();
        drivers.add(p);
        return p;
    }

    /** Worker {@code index}'s work folder: one {@code app-*} folder per application, one folder per executor in it. */
    public Path workerDir(int index) {
        return dir.resolve("worker-" + index);
    }

    /** The jars the executors start from, SPARK_HOME/jars. */
    public Path sparkJars() {
        return sparkHome.resolve("jars");
    }

    private Process startWorker(int index) throws IOException {
        Path work = dir.resolve("worker-" + index);
        Files.createDirectories(work);
        // Executors and their trial scripts inherit the Worker's environment: the scripts can say where they run.
        return launch("worker-" + index, Map.of("MUTUNE_TEST_WORKER", Integer.toString(index),
                        "MUTUNE_FAKE_GPUS", Integer.toString(gpusPerWorker)), List.of("org.apache.spark.deploy.worker.Worker",
                        "--host", "127.0.0.1", "--cores", Integer.toString(coresPerWorker), "--memory", "1g",
                        "--webui-port", "0", "--work-dir", work.toString(), masterUrl()),
                List.of("-Dspark.worker.resource.gpu.amount=" + gpusPerWorker,
                        "-Dspark.worker.resource.gpu.discoveryScript=" + script("fake-gpus.sh")));
    }

    private Process launch(String name, Map<String, String> extraEnv, List<String> mainAndArgs, List<String> jvmFlags) throws IOException {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaBin());
        cmd.add("-Xmx256m");
        cmd.addAll(opens());
        cmd.addAll(jvmFlags);
        cmd.addAll(List.of("-cp", sparkHome.resolve("jars") + "/*"));
        cmd.addAll(mainAndArgs);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve(name + ".log").toFile());
        pb.environment().putAll(env());
        pb.environment().putAll(extraEnv);
        return pb.start();
    }

    private Map<String, String> env() {
        return Map.of("SPARK_HOME", sparkHome.toString(), "SPARK_SCALA_VERSION", "2.13", "SPARK_LOCAL_IP", "127.0.0.1",
                "SPARK_LOCAL_HOSTNAME", "127.0.0.1", "JAVA_HOME", System.getProperty("java.home"));
    }

    /** A folder with jars/ holding the runtime classpath is all a SPARK_HOME needs to start daemons and executors. */
    private static Path buildSparkHome(Path dir) throws IOException {
        Path jars = dir.resolve("spark-home/jars");
        Files.createDirectories(jars);
        for (String entry : Files.readString(Path.of(property("mutune.sparkHomeClasspath"))).trim().split(":")) {
            Path jar = Path.of(entry);
            Path link = jars.resolve(jar.getFileName());
            if (entry.endsWith(".jar") && !Files.exists(link)) {
                Files.createSymbolicLink(link, jar);
            }
        }
        return dir.resolve("spark-home");
    }

    private void awaitPort(int port, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            try (Socket s = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(250);
            }
        }
        throw new IllegalStateException("the Master did not open port " + port + " in " + seconds + " s; see " + dir.resolve("master.log"));
    }

    private void awaitAliveWorkers(int expected, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (aliveWorkers() >= expected) {
                return;
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(expected + " workers did not register in " + seconds + " s; see the logs in " + dir);
    }

    /** The Master's own count, from its JSON status page. */
    public int aliveWorkers() {
        try (InputStream in = URI.create("http://127.0.0.1:" + masterUiPort + "/json/").toURL().openStream()) {
            String json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("\"aliveworkers\"\\s*:\\s*(\\d+)").matcher(json);
            return m.find() ? Integer.parseInt(m.group(1)) : 0;
        } catch (IOException e) {
            return 0;
        }
    }

    /** Extra executor JVM flags for a profiling run ({@code -Dmutune.executorOptions=...}), else nothing. */
    private static String executorExtraOptions() {
        String extra = System.getProperty("mutune.executorOptions", "").trim();
        return extra.isEmpty() ? "" : " " + extra;
    }

    private static List<String> opens() {
        return Arrays.stream(property("mutune.javaOpens").trim().split("\\s+")).toList();
    }

    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String property(String name) {
        String v = System.getProperty(name);
        if (v == null) {
            throw new IllegalStateException("system property " + name + " is not set; run the cluster tests through Maven (failsafe)");
        }
        return v;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            return s.getLocalPort();
        }
    }

    /** Kills drivers, workers (and the executors they launched) and the Master, each with its children. */
    @Override
    public void close() {
        List<Process> all = new ArrayList<>(drivers);
        all.addAll(workers);
        all.add(master);
        for (Process p : all) {
            if (p == null) {
                continue;
            }
            List<ProcessHandle> children = p.descendants().toList();
            p.destroyForcibly();
            children.forEach(ProcessHandle::destroyForcibly);
        }
        for (Process p : all) {
            try {
                if (p != null) {
                    p.waitFor(30, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
