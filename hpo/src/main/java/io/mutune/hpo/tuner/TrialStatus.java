package io.mutune.hpo.tuner;

/** Where a trial stands in the tuner's table. */
public enum TrialStatus {
    /** A segment has been handed out and not reported yet. */
    RUNNING,
    /** Trained to a level below the maximum; may be promoted (resumed) later. */
    PAUSED,
    /** Trained to the maximum resource. */
    COMPLETED,
    /** The scheduler stopped it below the maximum. */
    STOPPED,
    /** Its metric became NaN or Inf. */
    DIVERGED,
    /** The runner failed it. */
    FAILED;

    public boolean isTerminal() {
        return this == COMPLETED || this == STOPPED || this == DIVERGED || this == FAILED;
    }
}
