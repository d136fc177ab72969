package io.mutune.transfer.rules;

import io.mutune.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warmup as a fraction of the horizon: each trial's warmup, searched as {@code warmup_fraction},
 * {@code warmup_tokens} or {@code warmup_steps}, becomes the fraction f of its scale point's D
 * tokens it spends warming up (steps count B tokens each); the optimum fraction is fitted as a
 * constant or a power law in the axes the spec names, and a target warms up for f*·D tokens.
 * microsoft/mup issue #40 is the case for it: a warmup tuned in steps at a proxy's horizon does
 * not carry to a longer run, a fraction of the horizon can.
 */
public final class WarmupFractionRule {
    /** The derived hyperparameter. */
    public static final String FRACTION = "warmup_fraction";

    private final ScaleFacts facts;
    private final FittedLaw law;

    private WarmupFractionRule(ScaleFacts facts, FittedLaw law) {
        this.facts = facts;
        this.law = law;
    }

    /** The trials with their warmup as {@code warmup_fraction} of the horizon. */
    public static List<TrialObservation> withFraction(List<TrialObservation> trials, String warmup, ScaleFacts facts) {
        List<TrialObservation> out = new ArrayList<>();
        for (TrialObservation t : trials) {
            double w = LossProfile.valueOf(t.config(), warmup);
            double d = facts.tokens().applyAsDouble(t.scale());
            double f = switch (warmup) {
                case "warmup_fraction" -> w;
                case "warmup_tokens" -> w / d;
                case "warmup_steps" -> w * facts.batchTokens().applyAsDouble(t.scale()) / d;
                default -> throw new IllegalArgumentException("rules.warmup: '" + warmup
                        + "' is not a warmup; expected warmup_fraction, warmup_tokens or warmup_steps");
            };
            Map<String, Object> config = new LinkedHashMap<>(t.config().values());
            config.put(FRACTION, f);
            out.add(new TrialObservation(t.trialId(), t.scale(), new Configuration(config), t.resource(), t.metric(), t.diverged()));
        }
        return out;
    }

    /**
     * @param warmup the searched warmup hyperparameter
     * @param axes   the power law's axes; empty for a constant fraction
     */
    public static WarmupFractionRule fit(List<TrialObservation> trials, String warmup, List<String> axes, ScaleFacts facts,
                                         FitSettings settings) {
        List<TrialObservation> ts = withFraction(trials, warmup, facts);
        FitSpace space = FitSpace.infer(ts.stream().map(t -> t.config().getDouble(FRACTION)).toList());
        PointOptima optima = PointOptima.estimate(PointOptima.byScale(ts), FRACTION, space, settings);
        return new WarmupFractionRule(facts, FittedLaw.of(optima, s -> s, axes, settings.confidence()));
    }

    public FittedLaw law() {
        return law;
    }

    public String form() {
        return law.fitted() ? "warmup = f*D, " + law.fit().rule().form() : "warmup = f*D";
    }

    /** f* at {@code target}. */
    public double fractionAt(Map<String, Double> target) {
        return law.predict(target);
    }

    public double[] fractionIntervalAt(Map<String, Double> target) {
        return law.interval(target);
    }

    /** The warmup at {@code target} in tokens, f*·D. */
    public double warmupTokensAt(Map<String, Double> target) {
        return fractionAt(target) * facts.tokens().applyAsDouble(target);
    }
}
