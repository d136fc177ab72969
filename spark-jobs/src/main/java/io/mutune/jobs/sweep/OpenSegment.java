package io.mutune.jobs.sweep;

import io.mutune.hpo.tuner.TrialRequest;

/**
 * A segment the journal shows started but not ended: a resumed driver reaps it and runs it again.
 *
 * @param failures how many of its attempts failed in the runner and were retried: a resumed driver
 *                 counts them against {@code resources.max_retries}, so a kill between retries does not
 *                 grant a failing trial a fresh set
 */
record OpenSegment(String scaleKey, TrialRequest request, int lastAttempt, int failures) {

    OpenSegment withAttempt(int attempt) {
        return new OpenSegment(scaleKey, request, Math.max(lastAttempt, attempt), failures);
    }

    OpenSegment withFailure() {
        return new OpenSegment(scaleKey, request, lastAttempt, failures + 1);
    }
}
