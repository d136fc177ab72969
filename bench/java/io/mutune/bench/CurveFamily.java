package io.mutune.bench;

import io.mutune.hpo.schedule.Rungs;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;

/**
 * Learning curves a multi-fidelity benchmark replays instead of training: the loss a configuration
 * shows after some resource, and the true final loss that decides regret and the target.
 */
interface CurveFamily {
    String name();

    SearchSpace space();

    /** The rung levels every method uses (min, max, eta). */
    Rungs rungs();

    /** The loss after {@code resource} (a rung level), NaN once the run has diverged. */
    double loss(Configuration c, long resource);

    /**
     * The loss trial {@code trialNumber} shows after {@code resource}: a family whose trials are
     * noisy gives each trial its own run, the same one at every rung.
     */
    default double loss(long trialNumber, Configuration c, long resource) {
        return loss(c, resource);
    }

    /** The loss the configuration reaches at the maximum resource (in expectation, where trials are noisy): the basis of regret and the target. */
    double finalLoss(Configuration c);

    /** The best final loss any configuration reaches. */
    double bestFinal();

    /** Within 1% of the best final loss. */
    default boolean onTarget(Configuration c) {
        return onTarget(c, 0.01);
    }

    /** Within {@code tolerance} (relative) of the best final loss. */
    default boolean onTarget(Configuration c, double tolerance) {
        return finalLoss(c) <= (1 + tolerance) * bestFinal();
    }
}
