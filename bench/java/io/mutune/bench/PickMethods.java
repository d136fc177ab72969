package io.mutune.bench;

import io.mutune.hpo.schedule.AshaScheduler;
import io.mutune.hpo.schedule.HyperbandScheduler;
import io.mutune.hpo.schedule.OneEpochTopKScheduler;
import io.mutune.hpo.schedule.Rungs;
import io.mutune.hpo.searcher.RandomSearcher;
import io.mutune.hpo.tuner.Budget;
import io.mutune.hpo.tuner.FullResourceScheduler;
import io.mutune.hpo.tuner.Replication;
import io.mutune.hpo.tuner.Scheduler;
import io.mutune.hpo.tuner.Searcher;
import io.mutune.hpo.tuner.Searchers;
import io.mutune.hpo.tuner.Tuner;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.Map;

/**
 * The methods of the pick benchmark, each given a total budget: the search gets what its
 * confirmation (if any) leaves. Confirmation spends about 30 % of the budget: {@code n} full runs,
 * split into {@code K} configurations x {@code S} fresh seeds with K at least 2 where the budget
 * allows (confirming one configuration cannot change the pick).
 */
final class PickMethods {
    static final String[] ALL = {"random-full", "hyperband", "asha", "bohb", "bohb-asha", "topk"};
    static final double CONFIRM_SHARE = 0.3;

    private PickMethods() { }

    /** {@code [K, S]} for a total budget. */
    static int[] confirmPlan(long budget, long maxResource) {
        int n = (int) Math.max(1, Math.floor(CONFIRM_SHARE * budget / maxResource));
        int s = Math.max(1, Math.min(3, n / 2));
        return new int[] {Math.max(1, n / s), s};
    }

    static Tuner tuner(TabularCurves curves, String method, boolean confirm, long seed, long budget) {
        Rungs rungs = curves.rungs();
        long max = rungs.maxResource();
        Replication replication = Replication.NONE;
        long searchBudget = budget;
        if (confirm) {
            int[] ks = confirmPlan(budget, max);
            replication = new Replication(1, ks[0], ks[1]);
            searchBudget = budget - (long) ks[0] * ks[1] * max;
        }
        Searcher searcher = new RandomSearcher();
        Scheduler scheduler;
        int maxTrials = 100_000;
        switch (method) {
            case "random-full" -> scheduler = new FullResourceScheduler();
            case "hyperband" -> scheduler = HyperbandScheduler.full(rungs, true);
            case "asha" -> scheduler = new AshaScheduler(rungs, 1);
            case "bohb" -> {
                scheduler = HyperbandScheduler.full(rungs, true);
                searcher = Searchers.byName("bohb", curves.space(), Map.of());
            }
            case "bohb-asha" -> {
                scheduler = new AshaScheduler(rungs, 1);
                searcher = Searchers.byName("bohb", curves.space(), Map.of());
            }
            case "topk" -> {
                // half the search budget trains everything to the first rung, half takes the top K to the end
                long low = rungs.levels().get(0);
                int k = (int) Math.max(1, searchBudget / 2 / (max - low));
                maxTrials = (int) Math.max(k, (searchBudget - (long) k * (max - low)) / low);
                scheduler = new OneEpochTopKScheduler(low, k);
                searchBudget = Long.MAX_VALUE;
            }
            default -> throw new IllegalArgumentException("unknown method " + method);
        }
        return Tuner.create(curves.space(), searcher, scheduler,
                new TunerSettings(seed, maxTrials, max, "pick", "min", replication),
                searchBudget == Long.MAX_VALUE ? Budget.UNLIMITED : new Budget(Math.max(1, searchBudget)));
    }
}
