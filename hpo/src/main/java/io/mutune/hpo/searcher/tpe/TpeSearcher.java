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
 * so it serves as BOHB's model too. Past {@link TpeOptions#maxBad} bad points, the bad density is
 * fitted to a seeded sample of them (every running trial kept).
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
        List<Configuration> pending = options.constantLiar() ? history.pending() : List.of();
        int total = obs.size() + pending.size();
        double[] scores = new double[total];
        for (int i = 0; i < obs.size(); i++) {
            scores[i] = obs.get(i).score();
        }
        // running trials count as bad (constant liar): the worst score, after every observation
        java.util.Arrays.fill(scores, obs.size(), total, Double.POSITIVE_INFINITY);
        Integer[] order = new Integer[total];
        for (int i = 0; i < total; i++) {
            order[i] = i;
        }
        // ties keep arrival order, so the split is deterministic
        java.util.Arrays.sort(order, Comparator.comparingDouble((Integer i) -> scores[i]).thenComparingInt(i -> i));
        int good = Math.max(1, Math.min((int) Math.ceil(options.gammaFraction() * obs.size()), options.gammaCap()));
        good = Math.min(obs.size(), Math.max(good, options.minGroup()));
        // the bad group is the rest, or the worst minGroup when that is more (the groups then overlap)
        int bad = Math.min(total, Math.max(total - good, options.minGroup()));
        double[][] below = new double[good][];
        for (int r = 0; r < good; r++) {
            below[r] = point(order[r], obs, pending);
        }
        int[] aboveIndex = badSample(order, total - bad, obs.size(), random);
        double[][] above = new double[aboveIndex.length][];
        for (int r = 0; r < above.length; r++) {
            above[r] = point(aboveIndex[r], obs, pending);
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

    /** Point {@code i} in unit coordinates: an observation, or past them a running trial. */
    private double[] point(int i, List<Observation> obs, List<Configuration> pending) {
        return space.encode(i < obs.size() ? obs.get(i).config() : pending.get(i - obs.size()));
    }

    /**
     * The bad group ({@code order[from..]}), or past {@code maxBad} points every running trial in it
     * plus a seeded sample of its observations (each point weighs the same, so order does not matter).
     */
    private int[] badSample(Integer[] order, int from, int observed, SplittableRandom random) {
        int size = order.length - from;
        if (size <= options.maxBad()) {
            int[] all = new int[size];
            for (int r = 0; r < size; r++) {
                all[r] = order[from + r];
            }
            return all;
        }
        List<Integer> running = new ArrayList<>();
        List<Integer> seen = new ArrayList<>();
        for (int r = from; r < order.length; r++) {
            (order[r] >= observed ? running : seen).add(order[r]);
        }
        int keep = Math.max(0, options.maxBad() - running.size());
        // a partial Fisher-Yates shuffle: the first keep entries become a uniform sample
        for (int k = 0; k < keep; k++) {
            int j = k + random.nextInt(seen.size() - k);
            Integer t = seen.get(k);
            seen.set(k, seen.get(j));
            seen.set(j, t);
        }
        List<Integer> chosen = new ArrayList<>(seen.subList(0, keep));
        chosen.addAll(running);
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String name() {
        return "tpe";
    }
}
