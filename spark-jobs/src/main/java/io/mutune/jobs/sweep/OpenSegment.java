package io.mutune.jobs.sweep;

import io.mutune.hpo.tuner.TrialRequest;

/** A segment the journal shows started but not ended: a resumed driver reaps it and runs it again. */
record OpenSegment(String scaleKey, TrialRequest request, int lastAttempt) { }
