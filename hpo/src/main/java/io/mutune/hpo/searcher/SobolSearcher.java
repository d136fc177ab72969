package io.mutune.hpo.searcher;

import io.mutune.hpo.math.ScrambledSobol;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.SearchHistory;
import io.mutune.hpo.tuner.Searcher;
import java.util.SplittableRandom;

/**
 * Scrambled Sobol points: trial {@code n} gets point {@code n} of a sequence scrambled by the
 * tuner's seed, so parallel trials never collide and the sweep covers the space evenly.
 */
public final class SobolSearcher implements Searcher {
    private final SearchSpace space;
    private transient ScrambledSobol sequence;
    private long sequenceSeed;

    public SobolSearcher(SearchSpace space) {
        this.space = space;
    }

    @Override
    public synchronized Configuration suggest(SearchHistory history, SplittableRandom random) {
        if (sequence == null || sequenceSeed != history.seed()) {
            sequence = new ScrambledSobol(space.dimension(), history.seed());
            sequenceSeed = history.seed();
        }
        return space.decode(sequence.point(history.trialNumber()));
    }

    @Override
    public String name() {
        return "sobol";
    }
}
