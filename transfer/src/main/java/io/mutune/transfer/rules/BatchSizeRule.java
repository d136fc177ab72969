package io.mutune.transfer.rules;

import io.mutune.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * The optimal batch size B*(D) (the Step Law, "Predictable Scale": B* = 0.58 D^0.571 in tokens,
 * depending on the data size only; Power Lines find the same) when the batch is a scale axis of the
 * sweep. At each scale point the best loss is the lowest mean-over-seeds loss of any configuration
 * at the final resource; across the batch values of points that agree on every other axis, the
 * optimum of log B is the estimator's (local quadratic, plateau, edge); the optima are fitted as
 * log B* = c + sum a_k log(axis_k), by default in {@code tokens} alone. Intervals resample the
 * trials within every scale point, as the other rules do. B* is in the batch axis' unit
 * (examples or sequences).
 */
public final class BatchSizeRule {
    private final String axis;
    private final FittedLaw law;

    private BatchSizeRule(String axis, FittedLaw law) {
        this.axis = axis;
        this.law = law;
    }

    /**
     * @param axis     the batch scale axis, e.g. {@code batch}
     * @param ruleAxes the axes of B*'s power law, e.g. {@code [tokens]}
     */
    public static BatchSizeRule fit(List<TrialObservation> trials, String axis, List<String> ruleAxes, FitSettings settings) {
        if (ruleAxes.contains(axis)) {
            throw new IllegalArgumentException("rules." + axis + ": the batch size cannot be a power law in itself; got " + ruleAxes);
        }
        Map<Map<String, Double>, List<TrialObservation>> byScale = PointOptima.byScale(trials);
        Map<Map<String, Double>, List<Map<String, Double>>> groups = new LinkedHashMap<>();
        for (Map<String, Double> scale : byScale.keySet()) {
            if (!scale.containsKey(axis)) {
                throw new IllegalArgumentException("scale point " + scale + " has no '" + axis + "' axis; a batch-size rule needs it");
            }
            groups.computeIfAbsent(without(scale, axis), k -> new ArrayList<>()).add(scale);
        }
        OptimumEstimator estimator = settings.estimator();
        List<ScaleOptimum> evidence = new ArrayList<>();
        List<ScaleOptimum> usable = new ArrayList<>();
        List<Map<String, Double>> usableGroups = new ArrayList<>();
        groups.forEach((group, points) -> {
            Optional<ScaleOptimum> o = estimator.estimate(group, axis, FitSpace.LOG, pseudoTrials(group, points, byScale, axis));
            o.ifPresent(evidence::add);
            if (o.isPresent() && !o.get().edge().isEdge()) {
                usable.add(o.get());
                usableGroups.add(group);
            }
        });
        double[][] replicates = new double[settings.resamples()][usable.size()];
        for (int g = 0; g < usableGroups.size(); g++) {
            Map<String, Double> group = usableGroups.get(g);
            List<Map<String, Double>> points = groups.get(group);
            SplittableRandom r = settings.random().split();
            for (int b = 0; b < replicates.length; b++) {
                Map<Map<String, Double>, List<TrialObservation>> resampled = new LinkedHashMap<>();
                for (Map<String, Double> p : points) {
                    List<TrialObservation> ts = byScale.get(p);
                    List<TrialObservation> sample = new ArrayList<>(ts.size());
                    for (int i = 0; i < ts.size(); i++) {
                        sample.add(ts.get(r.nextInt(ts.size())));
                    }
                    resampled.put(p, sample);
                }
                replicates[b][g] = estimator.estimate(group, axis, FitSpace.LOG, pseudoTrials(group, points, resampled, axis))
                        .map(ScaleOptimum::fitValue).orElse(Double.NaN);
            }
        }
        PointOptima optima = new PointOptima(evidence, usable, replicates);
        return new BatchSizeRule(axis, FittedLaw.of(optima, s -> s, ruleAxes, settings.confidence()));
    }

    /** One observation per batch value of a group: its scale point's best loss. */
    private static List<TrialObservation> pseudoTrials(Map<String, Double> group, List<Map<String, Double>> points,
                                                       Map<Map<String, Double>, List<TrialObservation>> byScale, String axis) {
        List<TrialObservation> out = new ArrayList<>();
        for (Map<String, Double> p : points) {
            double best = bestLoss(byScale.get(p));
            out.add(new TrialObservation(String.valueOf(p), group, new Configuration(Map.of(axis, p.get(axis))), 1, best,
                    !Double.isFinite(best)));
        }
        return out;
    }

    /** The lowest mean-over-repeats loss of a configuration at the final resource; +Inf when none completed. */
    static double bestLoss(List<TrialObservation> trials) {
        long finalResource = trials.stream().filter(t -> !t.isDiverged()).mapToLong(TrialObservation::resource).max().orElse(-1);
        Map<Configuration, double[]> sums = new LinkedHashMap<>();
        for (TrialObservation t : trials) {
            if (!t.isDiverged() && t.resource() == finalResource) {
                double[] s = sums.computeIfAbsent(t.config(), c -> new double[2]);
                s[0] += t.metric();
                s[1] += 1;
            }
        }
        return sums.values().stream().mapToDouble(s -> s[0] / s[1]).min().orElse(Double.POSITIVE_INFINITY);
    }

    private static Map<String, Double> without(Map<String, Double> scale, String axis) {
        Map<String, Double> m = new LinkedHashMap<>(scale);
        m.remove(axis);
        return Map.copyOf(m);
    }

    public FittedLaw law() {
        return law;
    }

    public String form() {
        return "log " + axis + " = c" + (law.fitted() ? law.fit().rule().axes().stream()
                .map(a -> " + a_" + a + "*log(" + a + ")").reduce("", String::concat) : "");
    }

    /** B* at {@code target}, in the batch axis' unit. */
    public double valueAt(Map<String, Double> target) {
        return law.predict(target);
    }

    public double[] intervalAt(Map<String, Double> target) {
        return law.interval(target);
    }
}
