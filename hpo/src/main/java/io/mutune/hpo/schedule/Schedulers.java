package io.mutune.hpo.schedule;

import io.mutune.hpo.searcher.Options;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.FullResourceScheduler;
import io.mutune.hpo.tuner.Scheduler;
import java.util.Map;

/**
 * Builds a scheduler from the spec's {@code search.algorithm} and {@code search.resource}
 * ({@code {min, max, eta}}), with options: {@code brackets} (ASHA), {@code sequential} (Hyperband),
 * {@code interval, quantile, resample_probability} (PBT).
 */
public final class Schedulers {
    private Schedulers() { }

    /**
     * The scheduler for {@code algorithm}: {@code asha} (the Spark default), {@code hyperband},
     * {@code sha}, {@code bohb} (Hyperband brackets; pair it with a {@code BohbSearcher}),
     * {@code pbt}; any other searcher name gets full-resource trials.
     */
    public static Scheduler byName(String algorithm, SearchSpace space, long minResource, long maxResource, int eta,
                                   Map<String, Object> options) {
        Map<String, Object> o = options == null ? Map.of() : options;
        Rungs rungs = minResource >= maxResource ? null : new Rungs(minResource, maxResource, eta);
        return switch (algorithm) {
            case "asha" -> new AshaScheduler(needRungs(rungs, algorithm), Options.intOf(o, "brackets", 1));
            case "hyperband", "bohb" -> HyperbandScheduler.full(needRungs(rungs, algorithm), Options.boolOf(o, "sequential", true));
            case "sha" -> HyperbandScheduler.successiveHalving(needRungs(rungs, algorithm));
            case "pbt" -> new PbtScheduler(Options.intOf(o, "interval", (int) Math.max(1, minResource)),
                    Options.doubleOf(o, "quantile", 0.25),
                    new PbtExplorer(space, Options.doubleOf(o, "resample_probability", 0.25), new double[] {0.8, 1.2}));
            default -> new FullResourceScheduler();
        };
    }

    private static Rungs needRungs(Rungs rungs, String algorithm) {
        if (rungs == null) {
            throw new IllegalArgumentException("search.resource: " + algorithm + " needs min < max; expected {min: m, max: M, eta: 3}");
        }
        return rungs;
    }
}
