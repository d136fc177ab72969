package io.mutune.hpo.schedule;

import io.mutune.hpo.searcher.Options;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.FullResourceScheduler;
import io.mutune.hpo.tuner.Scheduler;
import java.util.Map;

/**
 * Builds a scheduler from the spec's {@code search.algorithm} and {@code search.resource}
 * ({@code {min, max, eta}}), with options: {@code brackets} (ASHA: a count; Hyperband/BOHB: a list
 * of halvings per bracket), {@code sequential} (Hyperband),
 * {@code interval, quantile, resample_probability} (PBT), {@code top_k} (one-epoch top-K: how many
 * trials go from the minimum resource to the maximum; default eta).
 */
public final class Schedulers {
    private Schedulers() { }

    /**
     * The scheduler for {@code algorithm}: {@code asha} (the Spark default), {@code hyperband},
     * {@code sha}, {@code bohb} (Hyperband brackets; pair it with a {@code BohbSearcher}),
     * {@code pbt}, {@code topk} (the one-epoch top-K baseline); any other searcher name gets full-resource trials.
     */
    public static Scheduler byName(String algorithm, SearchSpace space, long minResource, long maxResource, int eta,
                                   Map<String, Object> options) {
        Map<String, Object> o = options == null ? Map.of() : options;
        Rungs rungs = minResource >= maxResource ? null : new Rungs(minResource, maxResource, eta);
        return switch (algorithm) {
            case "asha" -> new AshaScheduler(needRungs(rungs, algorithm), Options.intOf(o, "brackets", 1));
            case "hyperband", "bohb" -> hyperband(needRungs(rungs, algorithm), o);
            case "sha" -> HyperbandScheduler.successiveHalving(needRungs(rungs, algorithm));
            case "topk" -> new OneEpochTopKScheduler(needRungs(rungs, algorithm).levels().get(0),
                    Options.intOf(o, "top_k", eta));
            case "pbt" -> new PbtScheduler(Options.intOf(o, "interval", (int) Math.max(1, minResource)),
                    Options.doubleOf(o, "quantile", 0.25),
                    new PbtExplorer(space, Options.doubleOf(o, "resample_probability", 0.25), new double[] {0.8, 1.2}));
            default -> new FullResourceScheduler();
        };
    }

    /** Full Hyperband, or the brackets listed as {@code brackets: [s1, s2, ...]} (halvings per bracket). */
    private static HyperbandScheduler hyperband(Rungs rungs, Map<String, Object> o) {
        boolean sequential = Options.boolOf(o, "sequential", true);
        Object brackets = o.get("brackets");
        if (brackets == null) {
            return HyperbandScheduler.full(rungs, sequential);
        }
        if (!(brackets instanceof java.util.List<?> list) || list.isEmpty()) {
            throw new IllegalArgumentException("search option 'brackets' must be a list of halvings such as [4, 2, 0], got " + brackets);
        }
        java.util.List<Integer> s = new java.util.ArrayList<>();
        for (Object b : list) {
            if (!(b instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                throw new IllegalArgumentException("search option 'brackets' must hold integers, got " + b);
            }
            s.add(n.intValue());
        }
        return new HyperbandScheduler(rungs, s, sequential);
    }

    private static Rungs needRungs(Rungs rungs, String algorithm) {
        if (rungs == null) {
            throw new IllegalArgumentException("search.resource: " + algorithm + " needs min < max; expected {min: m, max: M, eta: 3}");
        }
        return rungs;
    }
}
