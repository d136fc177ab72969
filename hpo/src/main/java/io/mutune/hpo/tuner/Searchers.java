package io.mutune.hpo.tuner;

import io.mutune.hpo.searcher.BohbSearcher;
import io.mutune.hpo.searcher.Options;
import io.mutune.hpo.searcher.RandomSearcher;
import io.mutune.hpo.searcher.SobolSearcher;
import io.mutune.hpo.searcher.gp.GpOptions;
import io.mutune.hpo.searcher.gp.GpSearcher;
import io.mutune.hpo.searcher.grid.GridSearcher;
import io.mutune.hpo.searcher.tpe.TpeOptions;
import io.mutune.hpo.searcher.tpe.TpeSearcher;
import io.mutune.hpo.space.SearchSpace;
import java.util.Map;

/** Builds a searcher from the spec's {@code search.algorithm} name and its options. */
public final class Searchers {
    private Searchers() { }

    /**
     * The searcher called {@code name}: {@code random}, {@code grid}, {@code sobol}, {@code tpe}, {@code bo};
     * for a scheduler's name, the searcher it pairs with ({@code bohb}: TPE, or the GP with
     * {@code model: bo}, plus a random fraction; {@code hyperband, sha, asha, pbt}: random).
     *
     * @param options algorithm options from the spec (may be null or empty)
     */
    public static Searcher byName(String name, SearchSpace space, Map<String, Object> options) {
        Map<String, Object> opts = options == null ? Map.of() : options;
        return switch (name == null ? "" : name) {
            case "random" -> new RandomSearcher();
            case "grid" -> GridSearcher.fromOptions(space, opts);
            case "sobol" -> new SobolSearcher(space);
            case "tpe" -> new TpeSearcher(space, TpeOptions.from(opts));
            case "bo", "gp" -> new GpSearcher(space, GpOptions.from(opts, space.dimension()));
            // schedulers without a model of their own sample new trials at random
            case "hyperband", "asha", "sha", "pbt", "topk" -> new RandomSearcher();
            case "bohb" -> new BohbSearcher("bo".equals(opts.get("model"))
                    ? new GpSearcher(space, GpOptions.from(opts, space.dimension()))
                    : new TpeSearcher(space, TpeOptions.from(bohbTpeDefaults(opts, space.dimension()))),
                    Options.doubleOf(opts, "random_fraction", 1.0 / 3));
            default -> throw new IllegalArgumentException("search.algorithm: unknown algorithm '" + name
                    + "'; expected one of random, grid, sobol, tpe, bo, hyperband, sha, asha, bohb, pbt, topk");
        };
    }

    /**
     * BOHB's TPE starts modelling after d + 2 results at a rung, not plain TPE's 10: a rung fills
     * slowly, and Falkner et al. fit their KDE from d + 1 points per group.
     */
    private static Map<String, Object> bohbTpeDefaults(Map<String, Object> opts, int dimension) {
        Map<String, Object> m = new java.util.HashMap<>(opts);
        m.putIfAbsent("n_startup", dimension + 2);
        return m;
    }
}
