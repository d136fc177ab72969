package io.mutune.jobs.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code bin/mutune} run as its own process, as a user or a scheduler runs it, optionally as
 * another user: the fault tests need a real exit status, a real JVM that stops, and (for a folder
 * made read-only) a process that is not root. Output goes to a file the test can watch.
 */
final class CliProcess {
    /** The repository's bin/mutune; failsafe runs in the spark-jobs folder, after the jar is packaged. */
    static final Path MUTUNE = Path.of(System.getProperty("user.dir")).toAbsolutePath().resolveSibling("bin").resolve("mutune");
    private final Process process;
    private final Path output;
    private long exitedAtNanos;

    private CliProcess(Process process, Path output) {
        this.process = process;
        this.output = output;
    }

    /**
     * Starts {@code mutune ARGS} in {@code workDir}.
     *
     * @param asUser  null to run as this process's user; else the user to run as (see {@link OtherUser})
     * @param env     extra environment, e.g. {@code MUTUNE_JAVA_OPTS}
     */
    static CliProcess start(Path workDir, OtherUser asUser, Map<String, String> env, String... args) throws IOException {
        List<String> command = new ArrayList<>(asUser == null ? List.of() : asUser.prefix());
        command.add(MUTUNE.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(workDir, "mutune-", ".out");
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true)
                .redirectOutput(out.toFile());
        pb.environment().putAll(env);
        if (asUser != null) {
            pb.environment().put("HOME", workDir.toString());
        }
        return new CliProcess(pb.start(), out);
    }

    /** Waits until a line of output matches {@code regex}; fails if the process ends first or the time runs out. */
    void awaitLine(String regex, long seconds) throws IOException, InterruptedException {
        Pattern p = Pattern.compile(regex);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (output().lines().anyMatch(l -> p.matcher(l).find())) {
                return;
            }
            if (!process.isAlive()) {
                throw new AssertionError("mutune ended (exit " + process.exitValue() + ") before printing /" + regex + "/:\n" + output());
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no line /" + regex + "/ within " + seconds + " s:\n" + output());
    }

    /** The exit status; the process is killed (and the test fails) if it runs past {@code seconds}. */
    int exitCode(long seconds) throws InterruptedException, IOException {
        if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            throw new AssertionError("mutune still ran after " + seconds + " s:\n" + output());
        }
        if (exitedAtNanos == 0) {
            exitedAtNanos = System.nanoTime();
        }
        return process.exitValue();
    }

    /** When {@link #exitCode} saw the process end ({@link System#nanoTime()}). */
    long exitedAtNanos() {
        return exitedAtNanos;
    }

    String output() throws IOException {
        return Files.readString(output, StandardCharsets.UTF_8);
    }

    /** mutune's own line: the one starting {@code mutune COMMAND: }. */
    String line(String command) throws IOException {
        String all = output();
        return all.lines().filter(l -> l.startsWith("mutune " + command + ": ")).findFirst()
                .orElseThrow(() -> new AssertionError("no 'mutune " + command + ":' line in:\n" + all));
    }
}
