package io.mutune.jobs.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What one executor left in its Worker's work folder ({@code worker-N/app-ID/EXEC}): the jars it
 * fetched from the driver, its stderr (read for timings when it logged with
 * {@value #LOG4J}), and the classes its JVM loaded when it ran with {@link #CLASS_LOAD_FLAG}.
 */
public record ExecutorFolder(Path dir) {
    /** The test resource that makes executors log at INFO with milliseconds. */
    public static final String LOG4J = "executor-log4j2.properties";
    /** The executor JVM flag that lists every class it loads, and from where, in its work folder. */
    public static final String CLASS_LOAD_FLAG = "-Xlog:class+load=info:file=class-load.log:none";

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");
    private static final Pattern FETCH = Pattern.compile("^(\\S+) INFO Executor: Fetching spark://\\S+/jars/(\\S+) with timestamp");
    private static final Pattern ADDED = Pattern.compile("^(\\S+) INFO Executor: Adding file:\\S+/([^/\\s]+) to class loader");

    /** The executors of applications whose folders are not in {@code before}, on every Worker. */
    public static List<ExecutorFolder> newSince(Set<Path> before, StandaloneCluster cluster, int workers) throws IOException {
        List<ExecutorFolder> out = new ArrayList<>();
        for (Path app : apps(cluster, workers)) {
            if (!before.contains(app)) {
                try (Stream<Path> execs = Files.list(app)) {
                    execs.filter(Files::isDirectory).sorted().forEach(e -> out.add(new ExecutorFolder(e)));
                }
            }
        }
        return out;
    }

    /** Every application folder on the Workers now. */
    public static Set<Path> apps(StandaloneCluster cluster, int workers) throws IOException {
        Set<Path> apps = new HashSet<>();
        for (int w = 0; w < workers; w++) {
            if (Files.isDirectory(cluster.workerDir(w))) {
                try (Stream<Path> s = Files.list(cluster.workerDir(w))) {
                    s.filter(p -> p.getFileName().toString().startsWith("app-")).forEach(apps::add);
                }
            }
        }
        return apps;
    }

    /** File names of the jars the executor fetched. */
    public List<String> fetchedJars() throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".jar")).sorted().toList();
        }
    }

    /** {@code "class source"} lines of every class the JVM loaded whose name starts with {@code prefix}. */
    public List<String> loadedClasses(String prefix) throws IOException {
        Path log = dir.resolve("class-load.log");
        if (!Files.exists(log)) {
            throw new IllegalStateException("no class-load.log in " + dir + ": the executor did not run with " + CLASS_LOAD_FLAG);
        }
        try (Stream<String> lines = Files.lines(log)) {
            return lines.filter(l -> l.startsWith(prefix)).toList();
        }
    }

    /** The executor's stderr: Spark's log of it. */
    public String stderr() throws IOException {
        return Files.readString(dir.resolve("stderr"));
    }

    /** Milliseconds from the executor logging its start to the last jar added to its class loader: when it can run tasks. */
    public Optional<Long> startMillis() throws IOException {
        return readyAfter("Started daemon with process name");
    }

    /**
     * Milliseconds from the executor registering with the driver to the last jar added to its class
     * loader: its share of the start that follows from what the driver ships, without the JVM's own start.
     */
    public Optional<Long> registeredToReadyMillis() throws IOException {
        return readyAfter("Successfully registered with driver");
    }

    private Optional<Long> readyAfter(String startLine) throws IOException {
        LocalTime started = null;
        LocalTime ready = null;
        for (String line : Files.readAllLines(dir.resolve("stderr"))) {
            if (started == null && line.contains(startLine)) {
                started = time(line);
            }
            Matcher m = ADDED.matcher(line);
            if (m.find()) {
                ready = LocalTime.parse(m.group(1), CLOCK);
            }
        }
        return started == null || ready == null ? Optional.empty() : Optional.of(Duration.between(started, ready).toMillis());
    }

    /** Milliseconds the executor spent fetching the driver's jars (each from "Fetching" to "Adding ... to class loader"), summed. */
    public Optional<Long> fetchMillis() throws IOException {
        Map<String, LocalTime> fetching = new HashMap<>();
        long total = 0;
        boolean any = false;
        for (String line : Files.readAllLines(dir.resolve("stderr"))) {
            Matcher f = FETCH.matcher(line);
            if (f.find()) {
                fetching.put(f.group(2), LocalTime.parse(f.group(1), CLOCK));
            }
            Matcher a = ADDED.matcher(line);
            if (a.find() && fetching.containsKey(a.group(2))) {
                total += Duration.between(fetching.remove(a.group(2)), LocalTime.parse(a.group(1), CLOCK)).toMillis();
                any = true;
            }
        }
        return any ? Optional.of(total) : Optional.empty();
    }

    private static LocalTime time(String line) {
        return LocalTime.parse(line.substring(0, line.indexOf(' ')), CLOCK);
    }
}
