package io.mutune.jobs.exec;

import io.mutune.hpo.runner.SegmentResult;
import java.io.Serializable;
import java.util.List;

/**
 * What came back from one segment's Spark task: the runner's result (or the error it threw) and
 * where and when it ran, for the journal's executor, gpu and timestamp columns.
 *
 * @param result        the runner's result, or null when it threw or hung
 * @param error         the error's class, message and stack tail when the runner threw, else null
 * @param ending        how the runner ended
 * @param sparkAttempt  Spark's attempt number of the task: above 0 when Spark re-ran it after
 *                      losing an executor, which the journal records as lost attempts
 */
public record SegmentOutcome(
        SegmentResult result,
        String error,
        RunnerEnding ending,
        String executorId,
        String host,
        List<String> gpus,
        int sparkAttempt,
        long startedAtMillis,
        long finishedAtMillis) implements Serializable {

    public SegmentOutcome {
        gpus = List.copyOf(gpus);
        if ((ending == RunnerEnding.RETURNED) != (result != null)) {
            throw new IllegalArgumentException("a runner that " + ending + " has " + (result == null ? "no" : "a") + " result");
        }
    }

    public boolean threw() {
        return result == null;
    }

    /** The outcome of a task that Spark itself could not run (lost cluster, cancelled job). */
    public static SegmentOutcome sparkFailure(String error) {
        long now = System.currentTimeMillis();
        return new SegmentOutcome(null, error, RunnerEnding.SPARK_FAILED, null, null, List.of(), 0, now, now);
    }
}
