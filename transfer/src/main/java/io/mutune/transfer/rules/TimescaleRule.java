package io.mutune.transfer.rules;

import io.mutune.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Weight decay through the AdamW timescale (Wang &amp; Aitchison 2025; Bergsma et al. 2025,
 * "Power Lines"): AdamW's weights average the updates of the last 1/(lr·wd) steps, which is the
 * fraction tau = B/(lr·wd·D) of the run's D tokens at B tokens per step. The optimal tau is a
 * power law in tokens per parameter, log tau* = c + a·log(D/N); at a target,
 * wd = B / (lr · tau*(D/N) · D) for the lr the target runs at, so the rule keeps muP's lr transfer
 * intact under AdamW and makes the optimal wd linear in B, as Power Lines observe.
 *
 * <p>This class is the change of variable; the recommender estimates tau*'s optima, intervals and
 * verdict with the same noise-aware machinery as any hyperparameter's.
 *
 * <p>Each trial's tau is computed from its own lr and wd and binned to a quarter octave, anchored at
 * the first trial of its scale point, so trials of a search over (lr, wd) share tau values and the
 * loss profile over tau is the lower envelope over lr. Grids whose ratios are whole quarter octaves
 * (e.g. sqrt 2) bin exactly. Trials without decay (wd = 0) have no timescale and are left out.
 */
public final class TimescaleRule {
    /** The derived hyperparameter. */
    public static final String TAU = "tau";
    private static final double BIN = Math.log(2) / 4;

    private TimescaleRule() {
    }

    /** The trials with decay, each with {@code tau} = B/(lr·wd·D) added to its configuration. */
    public static List<TrialObservation> withTimescale(List<TrialObservation> trials, String weightDecay, String lr, ScaleFacts facts) {
        List<TrialObservation> out = new ArrayList<>();
        Map<Map<String, Double>, Double> anchors = new LinkedHashMap<>();
        for (TrialObservation t : trials) {
            double wd = LossProfile.valueOf(t.config(), weightDecay);
            double rate = LossProfile.valueOf(t.config(), lr);
            if (!(wd > 0) || !(rate > 0)) {
                continue;
            }
            double logTau = Math.log(facts.batchTokens().applyAsDouble(t.scale()) / (rate * wd * facts.tokens().applyAsDouble(t.scale())));
            double anchor = anchors.computeIfAbsent(t.scale(), k -> logTau);
            Map<String, Object> config = new LinkedHashMap<>(t.config().values());
            config.put(TAU, Math.exp(anchor + BIN * Math.rint((logTau - anchor) / BIN)));
            out.add(new TrialObservation(t.trialId(), t.scale(), new Configuration(config), t.resource(), t.metric(), t.diverged()));
        }
        return out;
    }

    /** The weight decay at {@code target} for a run at learning rate {@code lr} there whose timescale is {@code tau}. */
    public static double weightDecay(Map<String, Double> target, double lr, double tau, ScaleFacts facts) {
        if (!(lr > 0)) {
            throw new IllegalArgumentException("the weight decay at " + target + " needs the learning rate there, got " + lr);
        }
        return ScaleFacts.positive("batch tokens", facts.batchTokens().applyAsDouble(target), target)
                / (lr * tau * ScaleFacts.positive("tokens", facts.tokens().applyAsDouble(target), target));
    }

    /** E.g. {@code weight_decay = B/(lr*tau*D), log tau = c + a_tokens_per_param*log(tokens_per_param)}. */
    public static String form(String weightDecay, String lr, String tauForm) {
        return weightDecay + " = B/(" + lr + "*tau*D), " + tauForm;
    }
}
