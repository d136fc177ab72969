package io.mutune.transfer.rules;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The optimal batch size B*(D) (the Step Law, "Predictable Scale": B* = 0.58 D^0.571 in tokens,
 * depending on the data size only; Power Lines find the same) when the batch is a scale axis of the
 * sweep. Scale points that agree on every other axis form a group; a group's loss profile over
 * log B holds each batch's best loss ({@link BestLoss}: the lowest mean over seeds of any
 * configuration at the final resource), and the optimum of log B is read off it like any
 * hyperparameter's. The recommender fits the groups' optima as log B* = c + sum a_k log(axis_k),
 * by default in {@code tokens} alone. B* is in the batch axis' unit (examples or sequences).
 */
public final class BatchSizeRule {

    private BatchSizeRule() {
    }

    /** The scale points grouped by every axis but {@code axis} (the group's key), batches in the order given. */
    public static Map<Map<String, Double>, List<Map<String, Double>>> groups(Collection<Map<String, Double>> scales, String axis) {
        Map<Map<String, Double>, List<Map<String, Double>>> groups = new LinkedHashMap<>();
        for (Map<String, Double> scale : scales) {
            if (!scale.containsKey(axis)) {
                throw new IllegalArgumentException("scale point " + scale + " has no '" + axis + "' axis; a batch-size rule needs it");
            }
            Map<String, Double> rest = new LinkedHashMap<>(scale);
            rest.remove(axis);
            groups.computeIfAbsent(Map.copyOf(rest), k -> new ArrayList<>()).add(scale);
        }
        return groups;
    }

    /**
     * One group's profile of the best loss over log batch. A batch where nothing completed counts
     * as diverged; each point remembers over how many runs its best mean is, so its noise is known.
     */
    public static LossProfile profile(List<Map<String, Double>> points, Function<Map<String, Double>, List<TrialObservation>> trialsAt,
                                      String axis) {
        List<ProfilePoint> out = new ArrayList<>();
        int trials = 0;
        int finalTrials = 0;
        for (Map<String, Double> p : points) {
            List<TrialObservation> ts = trialsAt.apply(p);
            trials += ts.size();
            double[] best = BestLoss.lowestMean(ts);
            boolean known = Double.isFinite(best[0]);
            finalTrials += known ? (int) best[1] : 0;
            out.add(new ProfilePoint(Math.log(p.get(axis)), known ? best[0] : Double.POSITIVE_INFINITY, 1, (int) best[1]));
        }
        out.sort(java.util.Comparator.comparingDouble(ProfilePoint::x));
        return new LossProfile(out, 1, trials, finalTrials);
    }

    /**
     * {@code resamples} bootstrap draws of one group's batch optimum in fit space (log B): every
     * batch's trials are resampled as {@link BootstrapOptima} resamples a scale point (seed
     * replicates redrawn where the noise is measured), its best loss recomputed, and the optimum
     * read off again. NaN where a draw left no completed batch.
     */
    public static double[] replicate(Map<String, Double> group, List<Map<String, Double>> points,
                                     Function<Map<String, Double>, List<TrialObservation>> trialsAt,
                                     Function<Map<String, Double>, NoiseEstimate> noiseAt, NoiseEstimate groupNoise, String axis,
                                     OptimumEstimator estimator, int resamples, SplittableRandom random) {
        Map<Map<String, Double>, List<List<TrialObservation>>> configurations = new LinkedHashMap<>();
        points.forEach(p -> configurations.put(p, BootstrapOptima.byConfiguration(trialsAt.apply(p))));
        double[] out = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            Map<Map<String, Double>, List<TrialObservation>> drawn = new LinkedHashMap<>();
            for (Map<String, Double> p : points) {
                drawn.put(p, BootstrapOptima.resample(configurations.get(p), noiseAt.apply(p), random));
            }
            out[b] = estimator.estimate(group, axis, FitSpace.LOG, profile(points, drawn::get, axis), groupNoise)
                    .map(ScaleOptimum::fitValue).orElse(Double.NaN);
        }
        return out;
    }
}
