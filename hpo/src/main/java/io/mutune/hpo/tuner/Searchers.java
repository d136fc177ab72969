package io.mutune.hpo.tuner;

import io.mutune.hpo.searcher.GridSearcher;
import io.mutune.hpo.searcher.Options;
import io.mutune.hpo.searcher.RandomSearcher;
import io.mutune.hpo.searcher.SobolSearcher;
import io.mutune.hpo.searcher.gp.GpOptions;
import io.mutune.hpo.searcher.gp.GpSearcher;
import io.mutune.hpo.searcher.tpe.TpeOptions;
import io.mutune.hpo.searcher.tpe.TpeSearcher;
import io.mutune.hpo.space.SearchSpace;
import java.util.Map;

/** Builds a searcher from the spec's {@code search.algorithm} name and its options. */
public final class Searchers {
    private Searchers() { }

    /**
     * The searcher called {@code name}: {@code random}, {@code grid}, {@code sobol}, {@code tpe}, {@code bo}.
     *
     * @param options algorithm options from the spec (may be null or empty)
     */
    public static Searcher byName(String name, SearchSpace space, Map<String, Object> options) {
        Map<String, Object> opts = options == null ? Map.of() : options;
        return switch (name == null ? "" : name) {
            case "random" -> new RandomSearcher();
            case "grid" -> new GridSearcher(space, Options.intOf(opts, "points_per_axis", 5));
            case "sobol" -> new SobolSearcher(space);
            case "tpe" -> new TpeSearcher(space, TpeOptions.from(opts));
            case "bo", "gp" -> new GpSearcher(space, GpOptions.from(opts, space.dimension()));
            default -> throw new IllegalArgumentException("search.algorithm: unknown searcher '" + name
                    + "'; expected one of random, grid, sobol, tpe, bo");
        };
    }
}
