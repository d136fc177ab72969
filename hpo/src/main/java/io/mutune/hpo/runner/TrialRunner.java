package io.mutune.hpo.runner;

/**
 * Trains one trial segment: from the trial's last checkpoint (or from scratch) up to a resource
 * level, and reports what it measured. Implementations live beside the thing they train (the DJL
 * proxies in {@code transfer}, the external command in {@code spark-jobs}); the local thread-pool
 * runner and the Spark executor both call them through this interface.
 *
 * <p>A diverged run (NaN or Inf loss) is a result, not an exception: return
 * {@link SegmentResult#diverged}. Throw only for faults the trial could not survive (bad data,
 * a crashed process); the caller records those as failed and may retry.
 */
@FunctionalInterface
public interface TrialRunner {
    SegmentResult run(TrialSegment segment, TrialContext context) throws Exception;
}
