package io.mutune.jobs.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The exit codes of every {@code mutune} command, in one place; {@code mutune --help} lists them
 * and scripts (schedulers, CI) may rely on them: each means one thing, so a scheduler can tell a
 * bad spec from a sweep to resume without reading the log.
 */
public final class ExitCodes {
    /** The command did what it was asked. */
    public static final int OK = 0;
    /** mutune itself failed (a bug): one line names the file that holds the stack trace. */
    public static final int INTERNAL = 1;
    /**
     * The user's input is wrong or unusable: a flag, a spec, a table that is missing, foreign or
     * unreachable, a folder that cannot be written. One line names what and where; a sweep started no trial.
     */
    public static final int USER_ERROR = 2;
    /** {@code mutune diff --fail-on-move}: a hyperparameter moved beyond its interval, so a scheduler can alert. */
    public static final int MOVED = 3;
    /**
     * The sweep ran to its end, but a scale point has no finite result (every trial failed or
     * diverged): nothing that is not a number was published, and the end message says why.
     */
    public static final int NO_RESULT = 4;
    /**
     * The sweep stopped because the driver's own I/O failed (the journal, the write-ahead log, a
     * publish): every row already written is kept, and the line gives the command that resumes it.
     */
    public static final int STOPPED = 5;

    /** What {@code --help} lists, code first. */
    static Map<String, String> help() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("  " + OK, "success");
        m.put("  " + INTERNAL, "mutune failed (a bug); one line names the file with the stack trace");
        m.put("  " + USER_ERROR, "bad input: an option, a spec, a table (missing, unreachable) or its data; one line says what");
        m.put("  " + MOVED, "diff --fail-on-move: a hyperparameter moved beyond its interval");
        m.put("  " + NO_RESULT, "sweep: a scale point has no finite result; nothing not a number was published");
        m.put("  " + STOPPED, "sweep: stopped on a journal, log or publish fault; rows kept, the line says how to resume");
        return m;
    }

    private ExitCodes() { }
}
