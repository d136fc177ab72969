package io.mutune.bench;

import io.mutune.hpo.schedule.AshaScheduler;
import io.mutune.hpo.schedule.HyperbandScheduler;
import io.mutune.hpo.schedule.PbtExplorer;
import io.mutune.hpo.schedule.PbtScheduler;
import io.mutune.hpo.schedule.Rungs;
import io.mutune.hpo.searcher.BohbSearcher;
import io.mutune.hpo.searcher.RandomSearcher;
import io.mutune.hpo.searcher.tpe.TpeOptions;
import io.mutune.hpo.searcher.tpe.TpeSearcher;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.Budget;
import io.mutune.hpo.tuner.FullResourceScheduler;
import io.mutune.hpo.tuner.Scheduler;
import io.mutune.hpo.tuner.Searcher;
import io.mutune.hpo.tuner.Searchers;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.Tuner;
import io.mutune.hpo.tuner.TunerSettings;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Multi-fidelity benchmark, one worker (ask, train, tell), on the real learning-curve table
 * ({@link TabularCurves}) or the parametric family ({@link LearningCurves}): for each method and
 * seed, the resource spent until a trial trained to the maximum resource is within 1% of the best
 * achievable loss, and the incumbent's regret along the way. Rows:
 * method,seed,resource,regret (one per full-resource result that improved the incumbent) and
 * method,seed,-1,resource_to_target (Inf when not reached within the budget).
 *
 * <p>Usage: {@code MultiFidelityBenchmark OUT.csv SEEDS BUDGET METHOD[,METHOD] [TABLE.csv[,REPLICATE.csv...] [TOLERANCE]]}
 * (without a table, the parametric family; replicates: the same rows with other seeds, see
 * {@link TabularCurves}; TOLERANCE: the target's relative distance to the best, 0.01).
 * Diagnostics: {@code -Dbench.rungs=MIN,ETA} another ladder within the table's levels;
 * {@code -Dbench.replay=mean|final} counterfactual curves ({@link TabularCurves.Replay}).
 */
public final class MultiFidelityBenchmark {
    private MultiFidelityBenchmark() { }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        int seeds = Integer.parseInt(args[1]);
        long budget = Long.parseLong(args[2]);
        String[] methods = args[3].split(",");
        CurveFamily curves = args.length > 4
                ? new TabularCurves(java.util.Arrays.stream(args[4].split(",")).map(Path::of).toList(), replay())
                : LearningCurves.FAMILY;
        double tolerance = args.length > 5 ? Double.parseDouble(args[5]) : 0.01;
        if (curves instanceof TabularCurves t) {
            System.out.printf("table %s: %d rows x %d replicates, best mean final loss %.6g, %d rows within %s of it%n",
                    args[4], t.rows(), t.replicates(), t.bestFinal(), t.rowsOnTarget(tolerance), tolerance);
        }
        try (PrintWriter w = new PrintWriter(Files.newBufferedWriter(out))) {
            w.println("method,seed,resource,value");
            for (String m : methods) {
                long t0 = System.nanoTime();
                int reached = 0;
                for (int seed = 0; seed < seeds; seed++) {
                    double toTarget = run(curves, tolerance, m, seed, budget, w);
                    w.printf("%s,%d,-1,%s%n", m, seed, Double.isInfinite(toTarget) ? "inf" : String.valueOf((long) toTarget));
                    w.flush();
                    reached += Double.isInfinite(toTarget) ? 0 : 1;
                }
                w.flush();
                System.out.printf("%-12s %d/%d seeds reached the target, %.1f s%n", m, reached, seeds, (System.nanoTime() - t0) / 1e9);
            }
        }
    }

    static Tuner tuner(CurveFamily curves, String method, long seed, long budget) {
        SearchSpace space = curves.space();
        Rungs rungs = rungsOverride(curves.rungs());
        Searcher random = new RandomSearcher();
        // the library's BOHB, as a sweep spec's `search: {algorithm: bohb}` builds it
        Searcher bohbModel = Searchers.byName("bohb", space, Map.of());
        // Falkner et al. 2018's own KDE settings: N_min = d + 1 points in each (possibly overlapping) group, a model once a
        // budget has N_min + 2 results, 64 candidates, no cap on the good group
        Searcher bohbPaper = new BohbSearcher(new TpeSearcher(space, new TpeOptions(space.dimension() + 3, 64, 0.15, 1_000_000,
                1.0, true, 1.06, 64, space.dimension() + 1)), 1.0 / 3);
        Scheduler scheduler;
        Searcher searcher = random;
        int maxTrials = 100_000;
        switch (method) {
            case "random-full" -> scheduler = new FullResourceScheduler();
            case "hyperband" -> scheduler = HyperbandScheduler.full(rungs, true);
            case "asha" -> scheduler = new AshaScheduler(rungs, 1);
            // asynchronous Hyperband (Li et al. 2020): ASHA brackets from every minimum resource, trial n in bracket n mod s+1
            case "asha-hb" -> scheduler = new AshaScheduler(rungs, rungs.maxHalvings() + 1);
            case "bohb" -> {
                scheduler = HyperbandScheduler.full(rungs, true);
                searcher = bohbModel;
            }
            case "bohb-nmin" -> {
                scheduler = HyperbandScheduler.full(rungs, true);
                searcher = bohbPaper;
            }
            case "bohb-asha-nmin" -> {
                scheduler = new AshaScheduler(rungs, 1);
                searcher = bohbPaper;
            }
            case "bohb-asha" -> {
                scheduler = new AshaScheduler(rungs, 1);
                searcher = bohbModel;
            }
            case "pbt" -> {
                if (!(curves instanceof LearningCurves.Family)) {
                    // PBT changes hyperparameters mid-run and copies weights: no table holds those curves
                    throw new IllegalArgumentException("pbt needs real training (io.mutune.transfer.bench.PbtBenchmark), not a table");
                }
                scheduler = new PbtScheduler(9, 0.25, new PbtExplorer(space, 0.25, new double[] {0.8, 1.2}));
                maxTrials = 32;
            }
            default -> throw new IllegalArgumentException("unknown method " + method);
        }
        return Tuner.create(space, searcher, scheduler,
                new TunerSettings(seed, maxTrials, rungs.maxResource(), "mf", "min"), new Budget(budget));
    }

    /** {@code -Dbench.replay}: run (default), mean or final. */
    static TabularCurves.Replay replay() {
        String p = System.getProperty("bench.replay", "run");
        try {
            return TabularCurves.Replay.valueOf(p.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("bench.replay must be run, mean or final, got '" + p + "'", e);
        }
    }

    /**
     * The schedulers' ladder: the curves' own, or {@code -Dbench.rungs=MIN,ETA} for a sensitivity run (a table
     * only holds losses at its own levels, so the ladder must be a subset of them).
     */
    static Rungs rungsOverride(Rungs own) {
        String p = System.getProperty("bench.rungs");
        if (p == null) {
            return own;
        }
        String[] v = p.split(",");
        if (v.length != 2) {
            throw new IllegalArgumentException("bench.rungs must be MIN,ETA (e.g. 30,3), got '" + p + "'");
        }
        Rungs r = new Rungs(Long.parseLong(v[0]), own.maxResource(), Integer.parseInt(v[1]));
        if (!own.levels().containsAll(r.levels())) {
            throw new IllegalArgumentException("bench.rungs=" + p + " gives levels " + r.levels() + ", not all among the curves' " + own.levels());
        }
        return r;
    }

    /** Returns the resource spent when the target was first met, or +Inf. */
    static double run(CurveFamily curves, double tolerance, String method, long seed, long budget, PrintWriter w) {
        Tuner t = tuner(curves, method, seed, budget);
        long max = curves.rungs().maxResource();
        double incumbent = Double.POSITIVE_INFINITY;
        while (true) {
            Optional<TrialRequest> next = t.ask();
            if (next.isEmpty()) {
                // PBT's population is done when all members reach the end; nothing else can wait with one worker
                return Double.POSITIVE_INFINITY;
            }
            TrialRequest r = next.get();
            double loss = curves.loss(r.number(), r.config(), r.toResource());
            t.tell(new TrialReport(r.trialId(), r.toResource(), loss, TrialReport.Outcome.COMPLETED, null));
            if (r.toResource() == max && Double.isFinite(loss)) {
                double truth = curves.finalLoss(r.config());
                if (truth < incumbent) {
                    incumbent = truth;
                    w.printf("%s,%d,%d,%.6g%n", method, seed, t.trials().resourceSpent(), incumbent - curves.bestFinal());
                }
                if (curves.onTarget(r.config(), tolerance)) {
                    return t.trials().resourceSpent();
                }
            }
        }
    }
}
