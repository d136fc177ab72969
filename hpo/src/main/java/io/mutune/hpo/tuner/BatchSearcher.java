package io.mutune.hpo.tuner;

import io.mutune.hpo.space.Configuration;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A searcher whose model is costly to fit (a GP) and can propose several configurations from one
 * fit: the tuner asks it for a batch when the caller wants several trials at once, so a driver
 * whose slots free up faster than one suggestion takes never waits on a fit per slot.
 */
public interface BatchSearcher extends Searcher {

    /**
     * Configurations for trials {@link SearchHistory#trialNumber()} onwards, {@code count} of
     * them, each distinct from the pending ones and from each other; the first is what
     * {@link #suggest} gives for the same arguments.
     *
     * @param count at least 1
     */
    List<Configuration> suggestBatch(SearchHistory history, int count, SplittableRandom random);
}
