package io.mutune.jobs.sweep;

import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.tuner.TrialRequest;

/**
 * A segment the driver has handed out and not yet told its tuner about.
 *
 * @param attempt        how many times this segment was started before (mutune retries, lost Spark attempts, reaps)
 * @param failures       how many of those failed in the runner, against {@code resources.max_retries}
 * @param askedAtMillis  when the driver asked for it (the start of the scheduling overhead)
 */
record Running(ScalePointTuner point, TrialRequest request, TrialSegment segment, int attempt, int failures, long askedAtMillis) {

    Running again(int nextAttempt, int nextFailures) {
        return new Running(point, request, segment, nextAttempt, nextFailures, System.currentTimeMillis());
    }
}
