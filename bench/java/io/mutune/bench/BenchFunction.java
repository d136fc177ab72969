package io.mutune.bench;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;

/** A synthetic objective with a known minimum, for the searcher benchmark. */
interface BenchFunction {
    String name();

    SearchSpace space();

    double value(Configuration c);

    double minimum();
}
