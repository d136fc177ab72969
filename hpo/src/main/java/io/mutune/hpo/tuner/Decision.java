package io.mutune.hpo.tuner;

/** A scheduler's verdict on a trial after it reports (Ray Tune's TrialScheduler decisions). */
public enum Decision {
    /** Go on training: the scheduler hands out the next segment as soon as it is asked. */
    CONTINUE,
    /** Keep the checkpoint and wait; a later promotion may resume it. */
    PAUSE,
    /** Never train it again. */
    STOP
}
