package io.mutune.hpo.searcher.gp;

import io.mutune.hpo.math.TruncatedNormal;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/**
 * Maximises an acquisition over configurations: score random configurations, then run a
 * stochastic local search from the best few. Moves happen in unit-hypercube coordinates and every
 * candidate is decoded before it is scored, so ints, steps, categoricals and conditions are exact
 * (the rounding trick of Garrido-Merchán and Hernández-Lobato, Neurocomputing 2020).
 */
final class AcquisitionSearch {
    private final SearchSpace space;
    private final GpOptions options;

    AcquisitionSearch(SearchSpace space, GpOptions options) {
        this.space = space;
        this.options = options;
    }

    /** The best configuration not in {@code taken}, with {@code seeds} (e.g. the incumbents) among the starts. */
    Configuration maximise(ToDoubleFunction<Configuration> acquisition, List<Configuration> seeds,
                           Set<Configuration> taken, SplittableRandom random) {
        List<Configuration> pool = new ArrayList<>(seeds);
        for (int i = 0; i < options.rawCandidates(); i++) {
            pool.add(space.sample(random));
        }
        int starts = Math.min(options.localStarts(), pool.size());
        Configuration[] top = new Configuration[starts];
        double[] topScore = new double[starts];
        java.util.Arrays.fill(topScore, Double.NEGATIVE_INFINITY);
        for (Configuration c : pool) {
            if (taken.contains(c)) {
                continue;
            }
            insert(top, topScore, c, acquisition.applyAsDouble(c));
        }
        Configuration best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int s = 0; s < starts && top[s] != null; s++) {
            Configuration c = top[s];
            double v = topScore[s];
            double[] u = space.encode(c);
            double step = 0.1;
            for (int it = 0; it < options.localSteps(); it++) {
                double[] cand = u.clone();
                int moved = 0;
                for (int d = 0; d < cand.length; d++) {
                    // change about two coordinates per step: a local move, not a restart
                    if (random.nextDouble() < 2.0 / cand.length || (d == cand.length - 1 && moved == 0)) {
                        double base = Double.isNaN(cand[d]) ? random.nextDouble() : cand[d];
                        cand[d] = Math.min(1, Math.max(0, base + step * TruncatedNormal.gaussian(random)));
                        moved++;
                    }
                }
                Configuration next = space.decode(cand);
                if (taken.contains(next)) {
                    continue;
                }
                double nv = acquisition.applyAsDouble(next);
                if (nv > v) {
                    v = nv;
                    c = next;
                    u = space.encode(next);
                    step = Math.min(0.3, step * 1.5);
                } else {
                    step = Math.max(1e-4, step * 0.85);
                }
            }
            if (v > bestScore) {
                bestScore = v;
                best = c;
            }
        }
        return best != null ? best : space.sample(random);
    }

    private static void insert(Configuration[] top, double[] score, Configuration c, double v) {
        int k = top.length - 1;
        if (!(v > score[k])) {
            return;
        }
        while (k > 0 && v > score[k - 1]) {
            top[k] = top[k - 1];
            score[k] = score[k - 1];
            k--;
        }
        top[k] = c;
        score[k] = v;
    }
}
