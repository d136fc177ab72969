package io.mutune.transfer.rules;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/**
 * What a scale point means in the units the scaling laws use: D, the tokens of its horizon; B,
 * the tokens of one batch; N, the parameter count. For the DJL proxies
 * {@code io.mutune.transfer.proxy.ProxyRunners.scaleFacts} builds these from the proxy spec (for
 * the MLP a token is one example); for other models the caller supplies them.
 *
 * @param tokens      D at a scale point (its {@code tokens} axis)
 * @param batchTokens B at a scale point, in tokens
 * @param params      N at a scale point
 */
public record ScaleFacts(ToDoubleFunction<Map<String, Double>> tokens, ToDoubleFunction<Map<String, Double>> batchTokens,
                         ToDoubleFunction<Map<String, Double>> params) {

    /** The derived axis of the timescale rule: tokens per parameter, D / N. */
    public static final String TOKENS_PER_PARAM = "tokens_per_param";

    /** D / N at {@code scale}. */
    public double tokensPerParam(Map<String, Double> scale) {
        return positive("tokens", tokens.applyAsDouble(scale), scale) / positive("params", params.applyAsDouble(scale), scale);
    }

    /** {@code scale} with {@code params} (N) and {@code tokens_per_param} (D/N, when D is known) added, for rules in those axes. */
    public Map<String, Double> withDerivedAxes(Map<String, Double> scale) {
        Map<String, Double> out = new LinkedHashMap<>(scale);
        out.put("params", positive("params", params.applyAsDouble(scale), scale));
        if (scale.containsKey("tokens")) {
            out.put(TOKENS_PER_PARAM, tokensPerParam(scale));
        }
        return out;
    }

    /** The trials with {@link #withDerivedAxes} applied to their scale points, so lr(N, D) can be fitted in {@code params}. */
    public List<TrialObservation> withDerivedAxes(List<TrialObservation> trials) {
        List<TrialObservation> out = new ArrayList<>(trials.size());
        for (TrialObservation t : trials) {
            out.add(new TrialObservation(t.trialId(), withDerivedAxes(t.scale()), t.config(), t.resource(), t.metric(), t.diverged()));
        }
        return out;
    }

    static double positive(String what, double v, Map<String, Double> scale) {
        if (!(v > 0) || Double.isInfinite(v)) {
            throw new IllegalArgumentException("scale point " + scale + " has " + what + " " + v + "; a scaling law needs it finite and > 0");
        }
        return v;
    }
}
