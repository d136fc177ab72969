package io.mutune.jobs.exec;

import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import java.io.Serializable;

/**
 * What one Spark task carries: the segment, the runner that trains it, which attempt this is, and
 * how long the segment may run before it counts as hung (spec {@code resources.trial_timeout_s}).
 */
public record SegmentTask(TrialSegment segment, TrialRunner runner, int attempt, long timeoutSeconds) implements Serializable {
    public SegmentTask {
        if (!(runner instanceof Serializable)) {
            throw new IllegalArgumentException("trial runner " + runner.getClass().getName()
                    + " is not Serializable, so Spark cannot ship it to executors");
        }
        if (attempt < 0) {
            throw new IllegalArgumentException("attempt must be >= 0, got " + attempt);
        }
        if (timeoutSeconds <= 0) {
            throw new IllegalArgumentException("timeoutSeconds must be positive, got " + timeoutSeconds);
        }
    }
}
