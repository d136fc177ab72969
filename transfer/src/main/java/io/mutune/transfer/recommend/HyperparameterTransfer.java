package io.mutune.transfer.recommend;

import io.mutune.transfer.rules.AxisSelection;
import io.mutune.transfer.rules.BootstrapOptima;
import io.mutune.transfer.rules.FitSpace;
import io.mutune.transfer.rules.LeaveOneScaleOut;
import io.mutune.transfer.rules.LossProfile;
import io.mutune.transfer.rules.NoiseEstimate;
import io.mutune.transfer.rules.OptimumEstimator;
import io.mutune.transfer.rules.RuleFit;
import io.mutune.transfer.rules.RuleFitter;
import io.mutune.transfer.rules.ScaleOptimum;
import io.mutune.transfer.rules.TrialObservation;
import io.mutune.transfer.rules.Validation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * One hyperparameter's way from trials to a rule: optimum per scale point, the fit over the
 * non-edge optima, the muP verdict (drop exponents whose interval contains 0, refit), and the
 * leave-one-scale-out validation.
 */
final class HyperparameterTransfer {

    final String hyperparameter;
    final List<ScaleOptimum> evidence = new ArrayList<>();
    final int trials;
    RuleFit fit;
    Verdict verdict;
    String insufficientReason;
    Validation validation;

    HyperparameterTransfer(String hyperparameter, ScalePoints points, RecommenderSettings settings, SplittableRandom random) {
        this.hyperparameter = hyperparameter;
        List<Double> values = new ArrayList<>();
        points.byScale().values().forEach(ts -> ts.forEach(t -> values.add(valueOf(t))));
        this.trials = values.size();
        FitSpace space = FitSpace.infer(values);
        OptimumEstimator estimator = new OptimumEstimator(settings.plateauTolerance());

        Map<Map<String, Double>, LossProfile> profiles = new LinkedHashMap<>();
        List<ScaleOptimum> usable = new ArrayList<>();
        List<List<TrialObservation>> usableTrials = new ArrayList<>();
        points.byScale().forEach((scale, ts) -> {
            LossProfile profile = LossProfile.of(ts, hyperparameter, space);
            profiles.put(scale, profile);
            Optional<ScaleOptimum> optimum = estimator.estimate(scale, hyperparameter, space, profile);
            optimum.ifPresent(evidence::add);
            // An optimum on the edge of the searched range is a bound, not an estimate: not fitted.
            if (optimum.isPresent() && !optimum.get().edge().isEdge()) {
                usable.add(optimum.get());
                usableTrials.add(ts);
            }
        });

        TreeSet<String> varying = new TreeSet<>();
        for (String axis : points.axes()) {
            if (usable.stream().map(o -> o.scale().get(axis)).distinct().count() > 1) {
                varying.add(axis);
            }
        }
        List<String> axes = AxisSelection.select(hyperparameter, varying);
        if (axes.isEmpty() || usable.size() < axes.size() + 2) {
            verdict = Verdict.INSUFFICIENT;
            insufficientReason = "insufficient: " + usable.size() + " scale points with an interior optimum ("
                    + (evidence.size() - usable.size()) + " on the edge of the searched range), need at least "
                    + (Math.max(axes.size(), 1) + 2) + " for a rule in " + (axes.isEmpty() ? "a varying axis" : axes);
            return;
        }
        double[][] replicates = BootstrapOptima.replicate(usable.stream().map(ScaleOptimum::scale).toList(),
                usableTrials, hyperparameter, space, estimator, settings.bootstrapResamples(), random);
        RuleFitter fitter = new RuleFitter(RecommenderSettings.CONFIDENCE);
        fit = fitter.fit(usable, replicates, axes);
        verdict = Verdict.FITTED;
        if (settings.muPFamily()) {
            List<String> kept = axes.stream().filter(a -> !containsZero(fit.rule().intervals().get("a_" + a))).toList();
            if (kept.size() < axes.size()) {
                fit = fitter.fit(usable, replicates, kept);
            }
            verdict = kept.isEmpty() ? Verdict.TRANSFERS_AS_IS : Verdict.FITTED;
        }
        validation = LeaveOneScaleOut.validate(usable, fit.weights(), fit.rule().axes(), List.copyOf(varying), profiles)
                .orElse(null);
    }

    private double valueOf(TrialObservation t) {
        if (!t.config().has(hyperparameter)) {
            throw new IllegalArgumentException("trial " + t.trialId() + " has no hyperparameter '" + hyperparameter
                    + "'; it has " + t.config().values().keySet());
        }
        return t.config().getDouble(hyperparameter);
    }

    private static boolean containsZero(double[] interval) {
        return interval[0] <= 0 && 0 <= interval[1];
    }

    Recommendation at(Map<String, Double> target) {
        if (verdict == Verdict.INSUFFICIENT) {
            Optional<ScaleOptimum> largest = evidence.isEmpty() ? Optional.empty() : Optional.of(evidence.get(evidence.size() - 1));
            double value = largest.map(ScaleOptimum::value).orElse(Double.NaN);
            return new Recommendation(hyperparameter, target, value,
                    largest.map(ScaleOptimum::plateauLower).orElse(Double.NaN),
                    largest.map(ScaleOptimum::plateauUpper).orElse(Double.NaN),
                    insufficientReason + (largest.isPresent() ? "; value is the optimum at " + largest.get().scale() : "; no trial completed"),
                    Map.of(), Map.of(), trials, evidence.size(), Double.NaN, null, verdict, evidence, null,
                    NoiseEstimate.UNKNOWN, null, null, insufficientReason, null, null);
        }
        double value = fit.rule().predict(target);
        double[] interval = fit.predictionInterval(target);
        return new Recommendation(hyperparameter, target, value, Math.min(interval[0], value), Math.max(interval[1], value),
                fit.rule().form(), fit.rule().coefficients(), fit.rule().intervals(), trials, fit.points().size(),
                fit.fitQuality(), validation == null ? null : validation.logError(), verdict, evidence,
                validation == null ? null : validation.lossError(), NoiseEstimate.UNKNOWN, null, null, null, null, null);
    }
}
