package io.mutune.hpo.tuner;

import java.util.SplittableRandom;

/**
 * Decides which trial trains, and up to which resource (Ray Tune's TrialScheduler, Optuna's
 * pruners): plain full-resource runs, successive halving, Hyperband, ASHA, BOHB, PBT.
 *
 * <p>Like a {@link Searcher}, a scheduler must be a pure function of the trial table (and the
 * random stream it is given): the table is what a journal replay rebuilds, so a resumed sweep
 * continues exactly where it stopped, even in the middle of a bracket.
 */
public interface Scheduler {

    /**
     * The next piece of work.
     *
     * @param mayStart false when the trial or resource budget forbids new trials
     * @param random   derived from the seed and the journal's length
     */
    Assignment next(TrialTable trials, TunerSettings settings, boolean mayStart, SplittableRandom random);

    /** The verdict on {@code trial}, which has just reported below the maximum resource. */
    Decision onReport(TrialTable trials, TrialState trial, TunerSettings settings);

    /**
     * Paused trials that can never be resumed now (a synchronous rung filled without them), which
     * the tuner marks STOPPED after each report. Like everything here, a function of the table.
     */
    default java.util.List<String> abandoned(TrialTable trials, TunerSettings settings) {
        return java.util.List.of();
    }

    /** A short name for logs and provenance, e.g. {@code "asha"}. */
    String name();
}
