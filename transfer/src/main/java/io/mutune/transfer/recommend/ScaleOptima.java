package io.mutune.transfer.recommend;

import io.mutune.transfer.rules.BatchSizeRule;
import io.mutune.transfer.rules.BootstrapOptima;
import io.mutune.transfer.rules.FitSpace;
import io.mutune.transfer.rules.LossProfile;
import io.mutune.transfer.rules.NoiseEstimate;
import io.mutune.transfer.rules.OptimumEstimator;
import io.mutune.transfer.rules.ScaleOptimum;
import io.mutune.transfer.rules.TrialObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * One quantity's optimum at every scale point (for the batch axis: at every group of points that
 * differ in batch alone), estimated against the seed noise measured there, with the loss profiles
 * it was read from and a way to bootstrap it. The interior optima are the usable ones: an optimum
 * on the edge of the searched range is a bound, not an estimate.
 */
final class ScaleOptima {

    /** Bootstrap draws of the usable optima in fit space, {@code [replicate][usable point]}. */
    interface Resampler {
        double[][] draw(int resamples, SplittableRandom random);
    }

    final String quantity;
    final FitSpace space;
    final int trials;
    final List<ScaleOptimum> evidence = new ArrayList<>();
    final List<ScaleOptimum> usable = new ArrayList<>();
    final Map<Map<String, Double>, LossProfile> profiles = new LinkedHashMap<>();
    private Resampler resampler;

    private ScaleOptima(String quantity, FitSpace space, int trials) {
        this.quantity = quantity;
        this.space = space;
        this.trials = trials;
    }

    /** A hyperparameter's (or a derived quantity's) optimum at each scale point, from the trials there. */
    static ScaleOptima ofHyperparameter(String quantity, Map<Map<String, Double>, List<TrialObservation>> byScale, SweepEvidence sweep,
                                        RecommenderSettings settings) {
        List<Double> values = new ArrayList<>();
        byScale.values().forEach(ts -> ts.forEach(t -> values.add(valueOf(t, quantity))));
        ScaleOptima o = new ScaleOptima(quantity, values.isEmpty() ? FitSpace.LOG : FitSpace.infer(values), values.size());
        OptimumEstimator estimator = new OptimumEstimator(settings.plateauTolerance());
        List<Map<String, Double>> usableScales = new ArrayList<>();
        List<List<TrialObservation>> usableTrials = new ArrayList<>();
        List<NoiseEstimate> usableNoise = new ArrayList<>();
        byScale.forEach((scale, ts) -> {
            LossProfile profile = LossProfile.of(ts, quantity, o.space);
            o.profiles.put(scale, profile);
            NoiseEstimate noise = sweep.noiseAt(scale);
            o.add(estimator.estimate(scale, quantity, o.space, profile, noise), () -> {
                usableScales.add(scale);
                usableTrials.add(ts);
                usableNoise.add(noise);
            });
        });
        o.resampler = (n, r) -> BootstrapOptima.replicate(usableScales, usableTrials, usableNoise, quantity, o.space, estimator, n, r);
        return o;
    }

    /**
     * The optimal value of the batch scale axis at each group of scale points that agree on every
     * other axis ({@link BatchSizeRule}), each group's noise pooled over its points.
     */
    static ScaleOptima ofBatchAxis(String axis, ScalePoints points, SweepEvidence sweep, RecommenderSettings settings) {
        Map<Map<String, Double>, List<TrialObservation>> byScale = points.byScale();
        ScaleOptima o = new ScaleOptima(axis, FitSpace.LOG, byScale.values().stream().mapToInt(List::size).sum());
        OptimumEstimator estimator = new OptimumEstimator(settings.plateauTolerance());
        List<Map<String, Double>> usableGroups = new ArrayList<>();
        Map<Map<String, Double>, List<Map<String, Double>>> groups = BatchSizeRule.groups(byScale.keySet(), axis);
        Map<Map<String, Double>, NoiseEstimate> groupNoise = new LinkedHashMap<>();
        groups.forEach((group, members) -> {
            LossProfile profile = BatchSizeRule.profile(members, byScale::get, axis);
            o.profiles.put(group, profile);
            NoiseEstimate noise = NoiseEstimate.pool(members.stream().map(sweep::noiseAt).toList(), RecommenderSettings.CONFIDENCE);
            groupNoise.put(group, noise);
            o.add(estimator.estimate(group, axis, FitSpace.LOG, profile, noise), () -> usableGroups.add(group));
        });
        o.resampler = (n, r) -> {
            double[][] out = new double[n][usableGroups.size()];
            for (int g = 0; g < usableGroups.size(); g++) {
                Map<String, Double> group = usableGroups.get(g);
                double[] draws = BatchSizeRule.replicate(group, groups.get(group), byScale::get, sweep::noiseAt, groupNoise.get(group), axis,
                        estimator, n, r.split());
                for (int b = 0; b < n; b++) {
                    out[b][g] = draws[b];
                }
            }
            return out;
        };
        return o;
    }

    private void add(Optional<ScaleOptimum> optimum, Runnable ifUsable) {
        optimum.ifPresent(evidence::add);
        if (optimum.isPresent() && !optimum.get().edge().isEdge()) {
            usable.add(optimum.get());
            ifUsable.run();
        }
    }

    /** {@code [replicate][usable point]} bootstrap optima in fit space, in {@link #usable}'s order. */
    double[][] replicates(int resamples, SplittableRandom random) {
        return resampler.draw(resamples, random);
    }

    private static double valueOf(TrialObservation t, String quantity) {
        if (!t.config().has(quantity)) {
            throw new IllegalArgumentException("trial " + t.trialId() + " has no hyperparameter '" + quantity
                    + "'; it has " + t.config().values().keySet());
        }
        return t.config().getDouble(quantity);
    }
}
