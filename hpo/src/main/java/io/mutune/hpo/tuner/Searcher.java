package io.mutune.hpo.tuner;

import io.mutune.hpo.space.Configuration;
import java.util.SplittableRandom;

/**
 * Decides what configuration to try next (Ray Tune's Searcher, Optuna's sampler).
 *
 * <p>A searcher must be a pure function of its arguments: the tuner rebuilds the history from
 * the journal, so a replayed tuner asks the same question and must get the same answer. It must
 * be pending-aware: {@link SearchHistory#pending()} lists configurations being evaluated, which it
 * must not propose again (model-based searchers fantasise outcomes for them).
 */
public interface Searcher {

    /**
     * The configuration for trial {@link SearchHistory#trialNumber()}.
     *
     * @param random derived from the tuner's seed and the trial number; the only randomness to use
     */
    Configuration suggest(SearchHistory history, SplittableRandom random);

    /** A short name for logs and provenance, e.g. {@code "tpe"}. */
    String name();
}
