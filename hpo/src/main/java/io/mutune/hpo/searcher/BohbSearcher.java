package io.mutune.hpo.searcher;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.tuner.SearchHistory;
import io.mutune.hpo.tuner.Searcher;
import java.util.SplittableRandom;

/**
 * BOHB's sampling rule (Falkner et al., "BOHB: Robust and Efficient Hyperparameter Optimization
 * at Scale", ICML 2018): a fraction of new configurations is drawn at random, which keeps the
 * model-based part from locking in early; the rest come from a model (multivariate TPE or the GP)
 * that fits the highest rung with enough observations ({@link SearchHistory#forModel}).
 */
public final class BohbSearcher implements Searcher {
    private final Searcher model;
    private final double randomFraction;

    public BohbSearcher(Searcher model, double randomFraction) {
        if (!(randomFraction >= 0 && randomFraction < 1)) {
            throw new IllegalArgumentException("BOHB random fraction must be in [0, 1), got " + randomFraction);
        }
        this.model = model;
        this.randomFraction = randomFraction;
    }

    @Override
    public Configuration suggest(SearchHistory history, SplittableRandom random) {
        if (random.nextDouble() < randomFraction) {
            return history.space().sample(random);
        }
        return model.suggest(history, random);
    }

    @Override
    public String name() {
        return "bohb-" + model.name();
    }
}
