package io.mutune.jobs.faults;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;

/**
 * The one place where an exception that ended a command becomes what the user sees: one line on
 * stderr and an {@link ExitCode}. Input errors and table or file faults the user can fix say what
 * and where, in one line; a sweep that stopped says how to resume it; only a fault mutune did not
 * expect (a bug) writes its stack trace, to a file the line names, never to the console.
 */
public final class CommandFailure {
    private CommandFailure() { }

    /** The exit code and the line, without the {@code mutune COMMAND:} prefix. */
    public record Verdict(ExitCode code, String line) { }

    /** Prints {@code mutune COMMAND: LINE} on {@code err}; returns the exit status. */
    public static int report(String command, Throwable e, PrintStream err) {
        Verdict v = of(e);
        err.println("mutune " + command + ": " + v.line());
        return v.code().code();
    }

    public static Verdict of(Throwable e) {
        if (e instanceof SweepStopped s) {
            return new Verdict(ExitCode.STOPPED, oneLine(s.getMessage()));
        }
        if (e instanceof IllegalArgumentException) {
            return new Verdict(ExitCode.BAD_INPUT, oneLine(OneLine.firstLine(e)));
        }
        if (isEnvironment(e)) {
            return new Verdict(ExitCode.BAD_INPUT, OneLine.of(e));
        }
        return new Verdict(ExitCode.INTERNAL, "unexpected " + e.getClass().getSimpleName() + ": " + OneLine.of(e)
                + " (a mutune bug; " + stackTraceNote(e) + ")");
    }

    /**
     * Whether the fault lies with a table, a file system or a server rather than with mutune: an
     * I/O or SQL error, or Spark's analysis error (a path that is not a table, a missing column).
     */
    static boolean isEnvironment(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException || t instanceof UncheckedIOException || t instanceof SQLException
                    || t instanceof org.apache.spark.sql.AnalysisException) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String s) {
        return Secrets.redact(s == null ? "" : s.replaceAll("\\s+", " ").trim());
    }

    private static String stackTraceNote(Throwable e) {
        try {
            Path file = Files.createTempFile("mutune-error-", ".txt");
            try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(file, StandardCharsets.UTF_8))) {
                e.printStackTrace(w);
            }
            return "the stack trace is in " + file;
        } catch (IOException | RuntimeException io) {
            return "its stack trace could not be written: " + io.getMessage();
        }
    }
}
