package io.mutune.transfer.recommend;

import io.mutune.transfer.rules.ScalingRule;
import io.mutune.transfer.rules.TrialObservation;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * From a sweep's trials to recommended hyperparameters at target scales. Per hyperparameter: the
 * optimum at each scale point (local quadratic in log hp at the final resource), a weighted power
 * law over the scale axes with 1000-resample bootstrap intervals (as the Step Law, "Predictable
 * Scale", fits lr and batch size), the muP verdict (Tensor Programs V: under muP an exponent
 * compatible with 0 means the optimum transfers as is), and a leave-one-scale-out validation.
 */
public final class Recommender {

    private Recommender() {
    }

    /**
     * @param trials          every trial of the sweep, diverged ones included
     * @param hyperparameters names to recommend, e.g. {@code ["lr"]}; positive ones are fitted in log space
     * @param targets         scale points to recommend for, e.g. {@code {width: 4096.0}}
     * @return one recommendation per target and hyperparameter, targets outermost
     */
    public static List<Recommendation> recommend(List<TrialObservation> trials, List<String> hyperparameters,
                                                 List<Map<String, Double>> targets, RecommenderSettings settings) {
        return recommend(trials, hyperparameters, targets, settings, RulePlan.DEFAULT);
    }

    /**
     * As {@link #recommend(List, List, List, RecommenderSettings)}, each hyperparameter carried by
     * the rule {@code plan} names for it (the spec's {@code rules:} section): a power law in chosen
     * axes, weight decay through the AdamW timescale, warmup as a fraction of the horizon, and the
     * batch size B*(D) when the plan gives the batch axis a rule (recommended after the
     * hyperparameters). Every one goes through the same optima, intervals, lack-of-fit and
     * verdicts; a baseline the plan names is reported beside the fitted rule, never instead of it.
     *
     * @throws IllegalArgumentException naming {@code rules.<name>} for a form that does not fit the sweep
     */
    public static List<Recommendation> recommend(List<TrialObservation> trials, List<String> hyperparameters,
                                                 List<Map<String, Double>> targets, RecommenderSettings settings, RulePlan plan) {
        if (hyperparameters == null || hyperparameters.isEmpty()) {
            throw new IllegalArgumentException("no hyperparameters to recommend: " + hyperparameters);
        }
        if (targets == null || targets.isEmpty()) {
            throw new IllegalArgumentException("no target scale points: " + targets);
        }
        List<String> quantities = plan.quantities(hyperparameters);
        ScalePoints points = new ScalePoints(trials);
        SplittableRandom root = new SplittableRandom(settings.seed());
        SweepEvidence sweep = evidenceOf(points, settings);
        Map<String, HyperparameterTransfer> fits = new LinkedHashMap<>();
        for (String q : quantities) {
            fits.put(q, RuleTransfers.fit(q, plan, hyperparameters, points, sweep, settings, root.split()));
        }
        Map<String, TargetValue> values = new LinkedHashMap<>();
        quantities.forEach(q -> values.put(q, RuleTransfers.valueOf(q, plan, hyperparameters, fits)));
        List<Recommendation> out = new ArrayList<>();
        for (Map<String, Double> target : targets) {
            fits.forEach((q, f) -> out.add(f.at(target, sweep, values.get(q), Baseline.at(plan.forms().get(q), target, plan.facts()))));
        }
        return out;
    }

    /**
     * The sweep's noise and best losses, with their own random stream (derived from the seed alone),
     * so that adding a hyperparameter changes none of the others' bootstraps.
     */
    private static SweepEvidence evidenceOf(ScalePoints points, RecommenderSettings settings) {
        return new SweepEvidence(points, settings, new SplittableRandom(settings.seed() ^ 0x5EEDL));
    }

    /** The fitted rule of each hyperparameter (absent for INSUFFICIENT ones), for launchers that evaluate rules themselves. */
    public static Map<String, ScalingRule> rules(List<TrialObservation> trials, List<String> hyperparameters,
                                                 RecommenderSettings settings) {
        ScalePoints points = new ScalePoints(trials);
        SplittableRandom root = new SplittableRandom(settings.seed());
        Map<String, ScalingRule> out = new LinkedHashMap<>();
        SweepEvidence sweep = evidenceOf(points, settings);
        for (String hp : hyperparameters) {
            HyperparameterTransfer f = new HyperparameterTransfer(ScaleOptima.ofHyperparameter(hp, points.byScale(), sweep, settings), sweep,
                    settings, root.split());
            if (f.fit != null && f.verdict != Verdict.INSUFFICIENT) {
                out.put(hp, f.fit.rule().withProvenance(Map.of("seed", String.valueOf(settings.seed()),
                        "parametrization", settings.parametrization(), "verdict", f.verdict.name())));
            }
        }
        return out;
    }
}
