package io.mutune.hpo.searcher;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.tuner.SearchHistory;
import io.mutune.hpo.tuner.Searcher;
import java.util.SplittableRandom;

/** Uniform sampling in the unit hypercube (so log parameters are log-uniform). */
public final class RandomSearcher implements Searcher {

    @Override
    public Configuration suggest(SearchHistory history, SplittableRandom random) {
        return history.space().sample(random);
    }

    @Override
    public String name() {
        return "random";
    }
}
