package io.mutune.jobs.exec;

import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import java.io.Serializable;

/** What one Spark task carries: the segment, the runner that trains it, and which attempt this is. */
public record SegmentTask(TrialSegment segment, TrialRunner runner, int attempt) implements Serializable {
    public SegmentTask {
        if (!(runner instanceof Serializable)) {
            throw new IllegalArgumentException("trial runner " + runner.getClass().getName()
                    + " is not Serializable, so Spark cannot ship it to executors");
        }
    }
}
