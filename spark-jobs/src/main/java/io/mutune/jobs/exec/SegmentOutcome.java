package io.mutune.jobs.exec;

import io.mutune.hpo.runner.SegmentResult;
import java.io.Serializable;
import java.util.List;

/**
 * What came back from one segment's Spark task: the runner's result (or the error it threw) and
 * where and when it ran, for the journal's executor, gpu and timestamp columns.
 *
 * @param result        the runner's result, or null when it threw
 * @param error         the error's class, message and stack tail when the runner threw, else null
 */
public record SegmentOutcome(
        SegmentResult result,
        String error,
        String executorId,
        String host,
        List<String> gpus,
        long startedAtMillis,
        long finishedAtMillis) implements Serializable {

    public SegmentOutcome {
        gpus = List.copyOf(gpus);
    }

    public boolean threw() {
        return result == null;
    }
}
