package io.mutune.transfer.recommend;

import io.mutune.transfer.rules.RuleForm;
import io.mutune.transfer.rules.TimescaleRule;
import io.mutune.transfer.rules.TrialObservation;
import io.mutune.transfer.rules.WarmupFractionRule;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Builds each quantity's transfer as its form in the {@link RulePlan} says: which quantity's optima
 * are estimated (the hyperparameter, tau, the warmup fraction, the batch axis), in which axes the
 * rule is fitted, and how the fitted quantity becomes the published value at a target.
 */
final class RuleTransfers {

    private RuleTransfers() {
    }

    static HyperparameterTransfer fit(String name, RulePlan plan, List<String> hyperparameters, ScalePoints points, SweepEvidence sweep,
                                      RecommenderSettings settings, SplittableRandom random) {
        RuleForm form = plan.forms().get(name);
        if (form == null) {
            return new HyperparameterTransfer(ScaleOptima.ofHyperparameter(name, points.byScale(), sweep, settings), sweep, settings, random);
        }
        UnaryOperator<Map<String, Double>> rescale = RulePlan.usesDerivedAxes(form) ? plan.facts()::withDerivedAxes : null;
        ScaleOptima optima = switch (form.kind()) {
            case POWER_LAW -> ScaleOptima.ofHyperparameter(name, points.byScale(), sweep, settings);
            case TIMESCALE -> {
                String lr = RulePlan.learningRate(name, hyperparameters);
                yield ScaleOptima.ofHyperparameter(TimescaleRule.TAU,
                        derived(points, ts -> TimescaleRule.withTimescale(ts, name, lr, plan.facts())), sweep, settings);
            }
            case WARMUP_FRACTION -> ScaleOptima.ofHyperparameter(WarmupFractionRule.FRACTION,
                    derived(points, ts -> WarmupFractionRule.withFraction(ts, name, plan.facts())), sweep, settings);
            case BATCH_SIZE -> ScaleOptima.ofBatchAxis(name, points, sweep, settings);
        };
        return new HyperparameterTransfer(optima, form, rescale, sweep, settings, random);
    }

    /** How {@code name}'s fitted quantity becomes its value at a target; {@code fits} holds the learning rate's transfer. */
    static TargetValue valueOf(String name, RulePlan plan, List<String> hyperparameters, Map<String, HyperparameterTransfer> fits) {
        RuleForm form = plan.forms().get(name);
        if (form == null || form.kind() == RuleForm.Kind.POWER_LAW || form.kind() == RuleForm.Kind.BATCH_SIZE) {
            return new TargetValue.Same(name);
        }
        if (form.kind() == RuleForm.Kind.TIMESCALE) {
            String lr = RulePlan.learningRate(name, hyperparameters);
            return new TargetValue.Timescale(name, lr, fits.get(lr)::pointAt, plan.facts());
        }
        return new TargetValue.Warmup(name, plan.facts());
    }

    private static Map<Map<String, Double>, List<TrialObservation>> derived(ScalePoints points,
                                                                           UnaryOperator<List<TrialObservation>> change) {
        Map<Map<String, Double>, List<TrialObservation>> out = new LinkedHashMap<>();
        points.byScale().forEach((scale, ts) -> out.put(scale, change.apply(ts)));
        return out;
    }
}
