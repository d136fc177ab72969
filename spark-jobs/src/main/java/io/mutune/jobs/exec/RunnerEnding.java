package io.mutune.jobs.exec;

/** How a segment's runner ended inside its task. */
public enum RunnerEnding {
    /** It returned a result (completed, diverged or failed, as the result says). */
    RETURNED,
    /** It threw: a fault the trial could not survive. */
    THREW,
    /** It ran past {@code resources.trial_timeout_s} and was interrupted. */
    TIMED_OUT,
    /** Spark could not run the task at all (job cancelled, cluster gone). */
    SPARK_FAILED
}
