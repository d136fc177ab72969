package io.mutune.hpo.searcher.tpe;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.Observation;
import io.mutune.hpo.tuner.SearchHistory;
import io.mutune.hpo.tuner.Searcher;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Multivariate Tree-structured Parzen Estimator: split the observations into a good group (the
 * best {@code min(ceil(gamma n), cap)}) and the rest, fit a joint Parzen estimator to each, and
 * propose the candidate drawn from the good density that maximises l(x)/g(x) (Bergstra et al.
 * 2011; Falkner et al. 2018). Running trials count as bad (constant liar) so that parallel
 * workers do not pile onto one point. Fits the highest resource level with enough observations,
 * so it serves as BOHB's model too.
 */
public final class TpeSearcher implements Searcher {
    private final SearchSpace space;
    private final TpeOptions options;

    public TpeSearcher(SearchSpace space, TpeOptions options) {
        this.space = space;
        this.options = options;
    }

    @Override
    public Configuration suggest(SearchHistory history, SplittableRandom random) {
        List<Observation> obs = history.forModel(options.startupTrials());
        if (obs.size() < options.startupTrials()) {
            return space.sample(random);
        }
        List<double[]> points = new ArrayList<>();
        List<Double> scores = new ArrayList<>();
        for (Observation o : obs) {
            points.add(space.encode(o.config()));
            scores.add(o.score());
        }
        if (options.constantLiar()) {
            for (Configuration c : history.pending()) {
                points.add(space.encode(c));
                scores.add(Double.POSITIVE_INFINITY);
            }
        }
        Integer[] order = new Integer[points.size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        // ties keep arrival order, so the split is deterministic
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores.get(i)).thenComparingInt(i -> i));
        int good = Math.max(1, Math.min((int) Math.ceil(options.gammaFraction() * obs.size()), options.gammaCap()));
        good = Math.min(obs.size(), Math.max(good, options.minGroup()));
        // the bad group is the rest, or the worst minGroup when that is more (the groups then overlap)
        int bad = Math.min(order.length, Math.max(order.length - good, options.minGroup()));
        double[][] below = new double[good][];
        double[][] above = new double[bad][];
        for (int r = 0; r < good; r++) {
            below[r] = points.get(order[r]);
        }
        for (int r = 0; r < bad; r++) {
            above[r] = points.get(order[order.length - bad + r]);
        }
        ParzenEstimator l = new ParzenEstimator(space, below, options.priorWeight(), options.bandwidthFactor());
        ParzenEstimator g = new ParzenEstimator(space, above, options.priorWeight(), options.bandwidthFactor());
        Configuration best = null;
        double bestScore = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < options.candidates(); c++) {
            Configuration cand = space.decode(l.sample(random, c < options.recombinedCandidates()));
            double[] x = space.encode(cand);
            double s = l.logDensity(x) - g.logDensity(x);
            if (s > bestScore) {
                bestScore = s;
                best = cand;
            }
        }
        return best;
    }

    @Override
    public String name() {
        return "tpe";
    }
}
