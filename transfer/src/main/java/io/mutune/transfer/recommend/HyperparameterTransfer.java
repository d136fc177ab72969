package io.mutune.transfer.recommend;

import io.mutune.transfer.rules.AxisSelection;
import io.mutune.transfer.rules.BestLoss;
import io.mutune.transfer.rules.FitSpace;
import io.mutune.transfer.rules.LeaveOneScaleOut;
import io.mutune.transfer.rules.LossProfile;
import io.mutune.transfer.rules.NoiseEstimate;
import io.mutune.transfer.rules.Percentiles;
import io.mutune.transfer.rules.RuleFit;
import io.mutune.transfer.rules.RuleFitter;
import io.mutune.transfer.rules.RuleForm;
import io.mutune.transfer.rules.ScaleOptimum;
import io.mutune.transfer.rules.Validation;
import io.mutune.transfer.rules.WidthConvergence;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * One quantity's way from per-scale optima to a rule: the fit over the non-edge optima, in the axes
 * the spec's {@code rules:} section names or else every varying one, the muP verdict (drop
 * exponents whose interval contains 0, refit), the checks that can make it INSUFFICIENT (too few
 * points, optima scattering beyond their noise, a wider proxy worse than a narrower one), the
 * leave-one-scale-out validation and the sensitivity. The quantity is a hyperparameter, the batch
 * axis, or a derived one (the AdamW timescale, the warmup fraction); {@link TargetValue} turns it
 * into the published value.
 *
 * <p>Scatter makes a rule INSUFFICIENT only when it is both beyond the optima's noise (the
 * lack-of-fit test) and large enough to matter: some optimum lies more than a factor sqrt(2) from
 * the rule. A rule whose form leaves out a small real effect (batch*(D) ignoring a 3 % width
 * effect) is still a good rule; one whose optima scatter 6x is not.
 */
final class HyperparameterTransfer {

    final String hyperparameter;
    final List<ScaleOptimum> evidence = new ArrayList<>();
    final int trials;
    final NoiseEstimate noise;
    RuleFit fit;
    /** The fit on every varying axis, before the muP verdict dropped any: the TRANSFERS_AS_IS confidence uses it. */
    RuleFit fullFit;
    Verdict verdict;
    String reason;
    Validation validation;
    Sensitivity sensitivity;
    /** Adds the derived axes (N, D/N) a rule in them needs; the identity otherwise. */
    private final UnaryOperator<Map<String, Double>> rescale;
    private final boolean derivedAxes;
    /** The spec asked for a constant ({@code rules: {hp: constant}}): no exponent, whatever the optima say. */
    private boolean constantBySpec;

    /** The default: a power law in every varying axis, no derived axes. */
    HyperparameterTransfer(ScaleOptima optima, SweepEvidence sweep, RecommenderSettings settings, SplittableRandom random) {
        this(optima, null, null, sweep, settings, random);
    }

    /**
     * @param form    the spec's form for this quantity, or null for the default axes
     * @param rescale adds derived axes to a scale point; null when the form uses none
     */
    HyperparameterTransfer(ScaleOptima optima, RuleForm form, UnaryOperator<Map<String, Double>> rescale, SweepEvidence sweep,
                           RecommenderSettings settings, SplittableRandom random) {
        this.hyperparameter = optima.quantity;
        this.noise = sweep.pooledNoise;
        this.trials = optima.trials;
        this.derivedAxes = rescale != null;
        this.rescale = rescale == null ? s -> s : rescale;
        evidence.addAll(optima.evidence);
        List<ScaleOptimum> usable = new ArrayList<>(optima.usable);
        sensitivity = evidence.isEmpty() ? null : sensitivityAt(evidence.get(evidence.size() - 1), optima.space, optima.profiles);

        Map<Map<String, Double>, LossProfile> fitProfiles = new LinkedHashMap<>();
        optima.profiles.forEach((s, p) -> fitProfiles.put(this.rescale.apply(s), p));
        List<Map<String, Double>> fitScales = usable.stream().map(o -> this.rescale.apply(o.scale())).toList();
        TreeSet<String> varying = new TreeSet<>();
        fitScales.forEach(s -> s.keySet().forEach(axis -> {
            if (fitScales.stream().map(p -> p.get(axis)).distinct().count() > 1) {
                varying.add(axis);
            }
        }));
        List<String> axes = form == null ? AxisSelection.select(hyperparameter, varying) : form.axes();
        constantBySpec = form != null && axes.isEmpty();
        List<String> flat = axes.stream().filter(a -> !varying.contains(a)).toList();
        if (!constantBySpec && axes.isEmpty() || usable.size() < axes.size() + 2) {
            verdict = Verdict.INSUFFICIENT;
            reason = "insufficient: " + usable.size() + " scale points with an interior optimum ("
                    + (evidence.size() - usable.size()) + " on the edge of the searched range), need at least "
                    + (Math.max(axes.size(), constantBySpec ? 0 : 1) + 2) + " for a rule in "
                    + (axes.isEmpty() ? constantBySpec ? "no axis (a constant)" : "a varying axis" : axes);
            return;
        }
        if (!flat.isEmpty()) {
            verdict = Verdict.INSUFFICIENT;
            reason = "insufficient: the rule asks for exponents on " + flat + ", but the " + usable.size()
                    + " interior optima do not vary " + (flat.size() == 1 ? "it" : "them") + " (they vary " + varying + ")";
            return;
        }
        double[][] replicates = optima.replicates(settings.bootstrapResamples(), random);
        withIntervals(usable, replicates);
        List<ScaleOptimum> fitted = usable.stream().map(o -> o.withScale(this.rescale.apply(o.scale()))).toList();
        RuleFitter fitter = new RuleFitter(RecommenderSettings.CONFIDENCE);
        fullFit = fitter.fit(fitted, replicates, axes);
        fit = fullFit;
        verdict = Verdict.FITTED;
        if (constantBySpec) {
            verdict = Verdict.TRANSFERS_AS_IS;
            List<String> free = AxisSelection.select(hyperparameter, varying);
            if (!free.isEmpty() && fitted.size() >= free.size() + 2) {
                fullFit = fitter.fit(fitted, replicates, free);
            }
        } else if (settings.muPFamily()) {
            List<String> kept = axes.stream().filter(a -> !containsZero(fit.rule().intervals().get("a_" + a))).toList();
            if (kept.size() < axes.size()) {
                fit = fitter.fit(fitted, replicates, kept);
            }
            verdict = kept.isEmpty() ? Verdict.TRANSFERS_AS_IS : Verdict.FITTED;
        }
        validation = LeaveOneScaleOut.validate(fitted, fit.weights(), fit.rule().axes(), List.copyOf(varying), fitProfiles)
                .orElse(null);
        reason = constantBySpec ? VerdictReasons.constantBySpec(fit, fullFit) : VerdictReasons.of(verdict, fit, fullFit);
        List<String> problems = new ArrayList<>();
        if (fit.lackOfFit().rejects() && fit.maxAbsResidual() > VerdictConfidence.tolerance(fit)) {
            problems.add(VerdictReasons.scatter(fit));
        }
        if (settings.muPFamily()) {
            WidthConvergence.check(evidence.stream().map(o -> new BestLoss(o.scale(), o.lossAtOptimum(), o.bestRuns(),
                    o.bestMetricSe())).toList(), settings.plateauTolerance()).ifPresent(problems::add);
        }
        if (!problems.isEmpty()) {
            verdict = Verdict.INSUFFICIENT;
            reason = "insufficient: " + String.join("; ", problems);
        }
    }

    /** Each fitted optimum with its 95 % interval: the bootstrap's, widened to its variance floor. */
    private void withIntervals(List<ScaleOptimum> usable, double[][] replicates) {
        double[] variances = RuleFitter.optimumVariances(usable, replicates);
        for (int s = 0; s < usable.size(); s++) {
            int col = s;
            double[] draws = java.util.Arrays.stream(replicates).mapToDouble(r -> r[col]).toArray();
            double[] ci = Percentiles.central(draws, RecommenderSettings.CONFIDENCE);
            ScaleOptimum o = usable.get(s);
            double half = 1.96 * Math.sqrt(variances[s]);
            double lo = Math.min(Double.isFinite(ci[0]) ? ci[0] : o.fitValue(), o.fitValue() - half);
            double hi = Math.max(Double.isFinite(ci[1]) ? ci[1] : o.fitValue(), o.fitValue() + half);
            ScaleOptimum with = o.withInterval(o.fitSpace().fromFit(lo), o.fitSpace().fromFit(hi));
            usable.set(s, with);
            evidence.replaceAll(e -> e.scale().equals(with.scale()) ? with : e);
        }
    }

    /** The loss cost of halving and of doubling the optimum, read off the profile at {@code at}. */
    private static Sensitivity sensitivityAt(ScaleOptimum at, FitSpace space, Map<Map<String, Double>, LossProfile> profiles) {
        LossProfile profile = profiles.get(at.scale());
        double v = at.value();
        double half = profile.lossAt(space.toFitOrNaN(v / 2));
        double twice = profile.lossAt(space.toFitOrNaN(v * 2));
        return new Sensitivity(at.scale(), half / at.bestMetric() - 1, twice / at.bestMetric() - 1);
    }

    static boolean containsZero(double[] interval) {
        return interval[0] <= 0 && 0 <= interval[1];
    }

    /** The quantity at {@code target} in its own unit: the rule's prediction, or the largest proxy's optimum when INSUFFICIENT. */
    double pointAt(Map<String, Double> target) {
        if (verdict == Verdict.INSUFFICIENT) {
            return evidence.isEmpty() ? Double.NaN : evidence.get(evidence.size() - 1).value();
        }
        return fit.rule().predict(rescale.apply(target));
    }

    Recommendation at(Map<String, Double> target, SweepEvidence sweep) {
        return at(target, sweep, new TargetValue.Same(hyperparameter), null);
    }

    /**
     * The recommendation at {@code target}: the quantity's rule (or the largest optimum) turned into
     * the published value by {@code to}, its interval mapped the same way.
     */
    Recommendation at(Map<String, Double> target, SweepEvidence sweep, TargetValue to, Baseline baseline) {
        var loss = sweep.lossAt(target);
        Map<String, Double> local = to.derived() || derivedAxes ? LocalPowerLaw.at(target, t -> to.of(pointAt(t), t)) : Map.of();
        String prefix = to.derived() ? hyperparameter + ": " : "";
        if (verdict == Verdict.INSUFFICIENT) {
            Optional<ScaleOptimum> largest = evidence.isEmpty() ? Optional.empty() : Optional.of(evidence.get(evidence.size() - 1));
            double[] band = mapped(to, target, largest.map(ScaleOptimum::plateauLower).orElse(Double.NaN),
                    largest.map(ScaleOptimum::plateauUpper).orElse(Double.NaN));
            String why = prefix + reason + (largest.isPresent() ? "; value is the optimum at " + largest.get().scale()
                    + (to.derived() ? ", through " + to.form(hyperparameter) : "") : "; no trial completed");
            return new Recommendation(to.hyperparameter(), target, to.of(pointAt(target), target), band[0], band[1],
                    why, Map.of(), Map.of(), trials, evidence.size(), Double.NaN, null, verdict, evidence, null,
                    noise, null, fit == null ? null : pValue(), why, loss, sensitivity, local, baseline);
        }
        Map<String, Double> at = rescale.apply(target);
        double quantity = fit.rule().predict(at);
        double[] interval = fit.predictionInterval(at);
        if (verdict == Verdict.TRANSFERS_AS_IS) {
            interval = widenedByScatter(interval, fit.rule().predictFit(at));
        }
        double value = to.of(quantity, target);
        double[] band = mapped(to, target, Math.min(interval[0], quantity), Math.max(interval[1], quantity));
        Double confidence = constantBySpec && fullFit == fit ? null : VerdictConfidence.of(verdict, fit, fullFit, at);
        return new Recommendation(to.hyperparameter(), target, value, Math.min(band[0], value), Math.max(band[1], value),
                to.form(fit.rule().form()), fit.rule().coefficients(), fit.rule().intervals(), trials, fit.points().size(),
                fit.fitQuality(), validation == null ? null : validation.logError(), verdict, evidence,
                validation == null ? null : validation.lossError(), noise, confidence, pValue(), prefix + reason
                + (to instanceof TargetValue.Timescale ? "; the interval is tau's at the recommended lr" : ""),
                loss, sensitivity, local, baseline);
    }

    /** The quantity's interval {@code [lo, hi]} as the value's: mapped end by end, ordered (wd falls as tau rises). */
    private static double[] mapped(TargetValue to, Map<String, Double> target, double lo, double hi) {
        double a = Double.isNaN(lo) ? Double.NaN : to.of(lo, target);
        double b = Double.isNaN(hi) ? Double.NaN : to.of(hi, target);
        return a <= b ? new double[] {a, b} : b < a ? new double[] {b, a} : new double[] {a, b};
    }

    /**
     * A constant's interval is never narrower than what the optima's own scatter says: a Student-t
     * interval over the scale points. The bootstrap alone understated it (87 of 100 seeded constant
     * sweeps under 4.7 % noise covered the truth with a 95 % interval).
     */
    private double[] widenedByScatter(double[] interval, double centreFit) {
        double[] y = fit.points().stream().mapToDouble(ScaleOptimum::fitValue).toArray();
        if (y.length < 2) {
            return interval;
        }
        double mean = java.util.Arrays.stream(y).average().orElseThrow();
        double ss = java.util.Arrays.stream(y).map(v -> (v - mean) * (v - mean)).sum();
        double t = new org.apache.commons.math3.distribution.TDistribution(y.length - 1)
                .inverseCumulativeProbability(0.5 + RecommenderSettings.CONFIDENCE / 2);
        double half = t * Math.sqrt(ss / (y.length - 1) / y.length);
        FitSpace space = fit.rule().fitSpace();
        return new double[] {Math.min(interval[0], space.fromFit(centreFit - half)),
                Math.max(interval[1], space.fromFit(centreFit + half))};
    }

    private Double pValue() {
        double p = fit.lackOfFit().pValue();
        return Double.isFinite(p) ? p : null;
    }
}
