package io.mutune.jobs.external;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import java.io.File;
import java.io.IOException;
import java.io.Serializable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs a trial segment as an external program (a user's PyTorch or JAX script): hyperparameters go
 * in through {@link TrialInput} (a JSON file and environment variables, never a shell), metrics come
 * back as JSON lines on stdout or in {@code $MUTUNE_METRICS_FILE} ({@link MetricReports}). A run
 * that exits non-zero, is still running after the timeout (it is killed with its children), or
 * reports no metrics fails. The message's first line is the reason in a few words (what the
 * progress line shows: {@code exit 1: <last stderr line>}, {@code timed out after 3 s},
 * {@code no JSON metric line in stdout}); the tail of its stderr follows.
 */
public final class ExternalCommandRunner implements TrialRunner, Serializable {
    private static final long serialVersionUID = 1L;
    private static final int STDERR_TAIL_CHARS = 4000;
    private final CommandSpec spec;
    private final long timeoutSeconds;

    public ExternalCommandRunner(CommandSpec spec, long timeoutSeconds) {
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("timeoutSeconds must be positive, got " + timeoutSeconds);
        }
        this.spec = spec;
        this.timeoutSeconds = timeoutSeconds;
    }

    @Override
    public SegmentResult run(TrialSegment segment, TrialContext context) throws Exception {
        Path dir = Files.createTempDirectory("mutune-" + segment.trialId() + "-");
        try {
            return runIn(dir, segment, context);
        } finally {
            deleteQuietly(dir);
        }
    }

    private SegmentResult runIn(Path dir, TrialSegment segment, TrialContext context) throws Exception {
        Path metricsFile = dir.resolve("metrics.jsonl");
        Path trialJson = TrialInput.writeJson(dir, segment, context, metricsFile);
        ProcessBuilder pb = new ProcessBuilder(spec.command());
        pb.environment().putAll(spec.env());
        pb.environment().putAll(TrialInput.environment(segment, context, trialJson, metricsFile));
        pb.directory(spec.workingDir() == null ? dir.toFile() : new File(spec.workingDir()));
        MetricReports reports = new MetricReports(segment.toResource());
        Process process;
        try {
            process = pb.start();
        } catch (IOException e) {
            throw new ExternalCommandException("cannot start " + spec.command() + " for trial " + segment.trialId() + ": " + e.getMessage(), e);
        }
        process.getOutputStream().close();
        StreamTail stdout = new StreamTail(process.getInputStream(), STDERR_TAIL_CHARS, reports::accept, "mutune-stdout-" + segment.trialId());
        StreamTail stderr = new StreamTail(process.getErrorStream(), STDERR_TAIL_CHARS, line -> { }, "mutune-stderr-" + segment.trialId());
        boolean exited;
        try {
            exited = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        if (!exited) {
            kill(process);
            throw new ExternalCommandException("timed out after " + timeoutSeconds + " s\ntrial " + segment.trialId() + ": " + spec.command()
                    + " still ran after resources.trial_timeout_s = " + timeoutSeconds + " s and was killed; stderr tail:\n" + stderr.awaitTail(2000));
        }
        String outTail = stdout.awaitTail(5000);
        String errTail = stderr.awaitTail(5000);
        if (process.exitValue() != 0) {
            throw new ExternalCommandException("exit " + process.exitValue() + ": " + lastLine(errTail, "(nothing on stderr)") + "\ntrial "
                    + segment.trialId() + ": " + spec.command() + " exited with status " + process.exitValue() + "; stderr tail:\n" + errTail);
        }
        if (Files.exists(metricsFile)) {
            try (Stream<String> lines = Files.lines(metricsFile)) {
                lines.forEach(reports::accept);
            }
        }
        if (reports.curve().isEmpty()) {
            throw new ExternalCommandException("no JSON metric line in stdout\ntrial " + segment.trialId() + ": " + spec.command()
                    + " exited 0 but reported no metrics: print a JSON line such as {\"resource\": 100, \"val_loss\": 2.31} on stdout"
                    + " or write it to $MUTUNE_METRICS_FILE; stdout tail:\n" + outTail + "\nstderr tail:\n" + errTail);
        }
        String checkpoint = reports.checkpoint() != null ? reports.checkpoint() : segment.checkpointTo();
        return SegmentResult.completed(reports.lastResource(), reports.last(), reports.curve(), checkpoint);
    }

    /** The last line that is not blank, for the one-line reason; {@code none} when there is none. */
    static String lastLine(String text, String none) {
        String[] lines = text.split("\n");
        for (int i = lines.length - 1; i >= 0; i--) {
            if (!lines[i].isBlank()) {
                return lines[i].strip();
            }
        }
        return none;
    }

    /** Kills the program and everything it started (a training script's data-loader workers). */
    private static void kill(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A temp folder left behind is harmless; the trial's result matters more.
        }
    }

    public CommandSpec spec() {
        return spec;
    }
}
