package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDManager;
import io.mutune.hpo.runner.TrialSegment;

/** Checkpoint hooks of the runners (first version: no checkpoint files; resume replays). */
final class Checkpoints {
    private Checkpoints() {
    }

    /** Restores the segment's checkpoint into the trial; returns the step it reached (0: none). */
    static long restore(TrialSegment segment, ProxyTrial trial, NDManager manager) {
        return 0;
    }

    /** Writes the trial's checkpoint where the segment asks; returns its path or null. */
    static String save(TrialSegment segment, ProxyTrial trial) {
        return null;
    }
}
