package io.mutune.hpo.searcher.gp;

import io.mutune.hpo.math.GaussianProcess;
import io.mutune.hpo.math.GpHyperparameterFit;
import io.mutune.hpo.math.GpHyperparameters;
import io.mutune.hpo.math.LogExpectedImprovement;
import io.mutune.hpo.math.ScrambledSobol;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.BatchSearcher;
import io.mutune.hpo.tuner.Observation;
import io.mutune.hpo.tuner.SearchHistory;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Gaussian-process Bayesian optimisation: Matérn-5/2 ARD GP on standardised scores, hyperparameters
 * by maximum marginal likelihood with restarts, log-EI maximised by multi-start local search.
 * Running trials enter the GP as kriging-believer fantasies (their posterior mean), which shrinks
 * the uncertainty around them so q parallel workers get q different points (Ginsbourger et al.,
 * "Kriging is well-suited to parallelize optimization", 2010). Starts with scrambled Sobol points.
 * The GP fits a noise variance; an observation that is the mean of n seed replicates gets 1/n of it.
 * A batch comes from one fit: each pick joins the fantasies before the next is chosen.
 */
public final class GpSearcher implements BatchSearcher {
    private final SearchSpace space;
    private final GpOptions options;
    private final GpFeatures features;
    private final AcquisitionSearch acquisitionSearch;
    private transient ScrambledSobol startup;
    private long startupSeed;

    public GpSearcher(SearchSpace space, GpOptions options) {
        this.space = space;
        this.options = options;
        this.features = new GpFeatures(space);
        this.acquisitionSearch = new AcquisitionSearch(space, options);
    }

    @Override
    public Configuration suggest(SearchHistory history, SplittableRandom random) {
        return suggestBatch(history, 1, random).get(0);
    }

    @Override
    public List<Configuration> suggestBatch(SearchHistory history, int count, SplittableRandom random) {
        if (count < 1) {
            throw new IllegalArgumentException("a batch holds at least 1 configuration, got " + count);
        }
        List<Observation> obs = history.forModel(options.startupTrials());
        List<Configuration> out = new ArrayList<>();
        if (obs.size() < options.startupTrials()) {
            for (int i = 0; i < count; i++) {
                out.add(startupPoint(history.seed(), history.trialNumber() + i));
            }
            return out;
        }
        List<Observation> train = TrainingSet.select(obs, options.maxTrainingSize(), random.split());
        double[][] x = new double[train.size()][];
        double[] y = standardise(train, x);
        double[] noiseScale = new double[train.size()];
        boolean replicated = false;
        for (int i = 0; i < noiseScale.length; i++) {
            noiseScale[i] = 1.0 / train.get(i).runs();
            replicated |= train.get(i).runs() > 1;
        }
        GpHyperparameters hyper = new GpHyperparameterFit(options.restarts(), options.fitIterations())
                .fit(x, y, noiseScale, random.split());
        GaussianProcess gp = new GaussianProcess(x, y, noiseScale, hyper);
        double best = Double.POSITIVE_INFINITY;
        for (int i = 0; i < y.length; i++) {
            // With replicates the observations differ in noise: improve on the best posterior mean
            // (the plug-in incumbent), not on a value that may be one lucky run.
            best = Math.min(best, replicated ? gp.predict(x[i])[0] : y[i]);
        }
        gp = withFantasies(gp, history.pending());
        Set<Configuration> taken = new HashSet<>(history.pending());
        for (Observation o : history.observations()) {
            taken.add(o.config());
        }
        List<Configuration> incumbents = incumbents(train, 3);
        final double incumbent = best;
        for (int i = 0; i < count; i++) {
            final GaussianProcess model = gp;
            Configuration pick = acquisitionSearch.maximise(c -> {
                double[] p = model.predict(features.of(c));
                return LogExpectedImprovement.value(p[0], Math.sqrt(p[1]), incumbent);
            }, incumbents, taken, random.split());
            out.add(pick);
            taken.add(pick);
            if (i + 1 < count) {
                gp = withFantasies(gp, List.of(pick));
            }
        }
        return out;
    }

    private synchronized Configuration startupPoint(long seed, int trialNumber) {
        if (startup == null || startupSeed != seed) {
            startup = new ScrambledSobol(space.dimension(), seed);
            startupSeed = seed;
        }
        return space.decode(startup.point(trialNumber));
    }

    private double[] standardise(List<Observation> train, double[][] x) {
        double mean = 0;
        for (Observation o : train) {
            mean += o.score();
        }
        mean /= train.size();
        double var = 0;
        for (Observation o : train) {
            var += (o.score() - mean) * (o.score() - mean);
        }
        double sd = Math.sqrt(var / train.size());
        sd = sd > 0 ? sd : 1;
        double[] y = new double[train.size()];
        for (int i = 0; i < y.length; i++) {
            x[i] = features.of(train.get(i).config());
            y[i] = (train.get(i).score() - mean) / sd;
        }
        return y;
    }

    /** Kriging believer: the running (or just picked) configurations at their posterior mean. */
    private GaussianProcess withFantasies(GaussianProcess gp, List<Configuration> pending) {
        if (pending.isEmpty()) {
            return gp;
        }
        double[][] px = new double[pending.size()][];
        double[] py = new double[pending.size()];
        for (int i = 0; i < px.length; i++) {
            px[i] = features.of(pending.get(i));
            py[i] = gp.predict(px[i])[0];
        }
        return gp.withPoints(px, py);
    }

    private static List<Configuration> incumbents(List<Observation> train, int k) {
        return train.stream().sorted(java.util.Comparator.comparingDouble(Observation::score))
                .limit(k).map(Observation::config).toList();
    }

    @Override
    public String name() {
        return "bo";
    }

    /** Kept small for speed: the best half of the cap, then a seeded sample of the rest. */
    static final class TrainingSet {
        private TrainingSet() { }

        static List<Observation> select(List<Observation> obs, int cap, SplittableRandom random) {
            if (obs.size() <= cap) {
                return obs;
            }
            List<Observation> sorted = new ArrayList<>(obs);
            sorted.sort(java.util.Comparator.comparingDouble(Observation::score));
            List<Observation> out = new ArrayList<>(sorted.subList(0, cap / 2));
            List<Observation> rest = new ArrayList<>(sorted.subList(cap / 2, sorted.size()));
            for (int i = 0; i < cap - cap / 2; i++) {
                int j = i + random.nextInt(rest.size() - i);
                Observation t = rest.get(i);
                rest.set(i, rest.get(j));
                rest.set(j, t);
                out.add(rest.get(i));
            }
            return out;
        }
    }
}
