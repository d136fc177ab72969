package io.mutune.jobs.cli;

import io.mutune.jobs.faults.OneLine;
import io.mutune.jobs.faults.Secrets;
import io.mutune.jobs.faults.SweepStopped;
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
 * stderr and an exit code ({@link ExitCodes}). Input errors and table or file faults the user can
 * fix say what and where; a sweep that stopped says how to resume it; only a fault mutune did not
 * expect (a bug) writes its stack trace, to a file the line names (and, with {@code --verbose},
 * to the console as well).
 */
final class CommandFailure {
    private CommandFailure() { }

    /** The exit code and the line, without the {@code mutune COMMAND:} prefix. */
    record Verdict(int code, String line) { }

    /** Prints {@code PREFIX: LINE} on {@code err} (and a bug's stack trace when {@code verbose}); returns the exit code. */
    static int report(String prefix, Throwable e, PrintStream err, boolean verbose) {
        Verdict v = of(e);
        err.println(prefix + ": " + v.line());
        if (verbose && v.code() == ExitCodes.INTERNAL) {
            e.printStackTrace(err);
        }
        return v.code();
    }

    static Verdict of(Throwable e) {
        if (e instanceof SweepStopped s) {
            return new Verdict(ExitCodes.STOPPED, oneLine(s.getMessage()));
        }
        if (e instanceof IllegalArgumentException) {
            return new Verdict(ExitCodes.USER_ERROR, oneLine(OneLine.firstLine(e)));
        }
        if (isEnvironment(e)) {
            return new Verdict(ExitCodes.USER_ERROR, OneLine.of(e));
        }
        return new Verdict(ExitCodes.INTERNAL, "unexpected " + e.getClass().getSimpleName() + ": " + OneLine.of(e)
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
