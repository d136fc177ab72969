package io.mutune.jobs.faults;

/**
 * The exit codes of the {@code mutune} command line. Each means one thing, so a scheduler (cron,
 * Airflow, a CI job) can tell a bad spec from a sweep to resume without reading the log.
 */
public enum ExitCode {
    /** Done as asked. */
    OK(0),
    /** Something mutune did not expect (a bug): the one line says where its stack trace was written. */
    INTERNAL(1),
    /**
     * Input the user can fix before anything runs: flags, the spec, a table that is missing, foreign
     * or unreachable, a folder that cannot be written. No trial was started.
     */
    BAD_INPUT(2),
    /** {@code mutune diff --fail-on-move}: a hyperparameter moved beyond its interval. */
    MOVED(3),
    /**
     * The sweep ran to its end, but at least one scale point has no finite result (every trial failed
     * or diverged): nothing was published from it, and the end message says why its trials failed.
     */
    NO_RESULT(4),
    /**
     * The sweep stopped because the driver's own I/O failed (the journal, the write-ahead log, a
     * publish). Every row already written is kept; the message gives the command that resumes it.
     */
    STOPPED(5);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    /** The process exit status. */
    public int code() {
        return code;
    }
}
