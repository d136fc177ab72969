package io.mutune.transfer.rules;

import io.mutune.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Warmup as a fraction of the horizon: each trial's warmup, searched as {@code warmup_fraction},
 * {@code warmup_tokens} or {@code warmup_steps}, becomes the fraction f of its scale point's D
 * tokens it spends warming up (steps count B tokens each); the recommender fits the optimum
 * fraction as a constant or a power law in the axes the spec names, and a target warms up for
 * f*·D tokens, given back in the unit the sweep searched. microsoft/mup issue #40 is the case for
 * it: a warmup tuned in steps at a proxy's horizon does not carry to a longer run, a fraction of
 * the horizon can.
 */
public final class WarmupFractionRule {
    /** The derived hyperparameter. */
    public static final String FRACTION = "warmup_fraction";

    private WarmupFractionRule() {
    }

    /** The trials with their warmup as {@code warmup_fraction} of the horizon. */
    public static List<TrialObservation> withFraction(List<TrialObservation> trials, String warmup, ScaleFacts facts) {
        List<TrialObservation> out = new ArrayList<>();
        for (TrialObservation t : trials) {
            double w = LossProfile.valueOf(t.config(), warmup);
            double f = w / tokensPerUnit(warmup, t.scale(), facts);
            Map<String, Object> config = new LinkedHashMap<>(t.config().values());
            config.put(FRACTION, f);
            out.add(new TrialObservation(t.trialId(), t.scale(), new Configuration(config), t.resource(), t.metric(), t.diverged()));
        }
        return out;
    }

    /** The warmup at {@code target} in the searched unit ({@code warmup}'s): f·D tokens, f·D/B steps, or f. */
    public static double warmupAt(String warmup, double fraction, Map<String, Double> target, ScaleFacts facts) {
        return fraction * tokensPerUnit(warmup, target, facts);
    }

    /** What one unit of {@code warmup} is as a fraction of the horizon's inverse: D, D/B or 1. */
    private static double tokensPerUnit(String warmup, Map<String, Double> scale, ScaleFacts facts) {
        return switch (warmup) {
            case "warmup_fraction" -> 1;
            case "warmup_tokens" -> ScaleFacts.positive("tokens", facts.tokens().applyAsDouble(scale), scale);
            case "warmup_steps" -> ScaleFacts.positive("tokens", facts.tokens().applyAsDouble(scale), scale)
                    / ScaleFacts.positive("batch tokens", facts.batchTokens().applyAsDouble(scale), scale);
            default -> throw new IllegalArgumentException("rules.warmup: '" + warmup
                    + "' is not a warmup; expected warmup_fraction, warmup_tokens or warmup_steps");
        };
    }

    /** E.g. {@code warmup_tokens = f*D, log warmup_fraction = c}. */
    public static String form(String warmup, String fractionForm) {
        String unit = switch (warmup) {
            case "warmup_tokens" -> "f*D";
            case "warmup_steps" -> "f*D/B";
            default -> "f";
        };
        return warmup + " = " + unit + ", " + fractionForm;
    }
}
