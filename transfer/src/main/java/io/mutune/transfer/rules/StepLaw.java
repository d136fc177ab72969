package io.mutune.transfer.rules;

import java.util.List;
import java.util.Map;

/**
 * The Step Law's published formulas (Li et al. 2025, "Predictable Scale: Part I", 3,700 LLMs):
 * lr* = 1.79 N^-0.713 D^0.307 and B* = 0.58 D^0.571, N non-embedding parameters, D and B in
 * tokens. A baseline and a prior to compare with, never a result: mutune reports a rule fitted to
 * the sweep, and these figures only next to it when the spec asks for the baseline.
 */
public final class StepLaw {
    /** The name the spec's {@code rules:} section uses, e.g. {@code lr: {form: [params, tokens], baseline: step-law}}. */
    public static final String NAME = "step-law";
    public static final double LR_COEFFICIENT = 1.79;
    public static final double LR_PARAMS_EXPONENT = -0.713;
    public static final double LR_TOKENS_EXPONENT = 0.307;
    public static final double BATCH_COEFFICIENT = 0.58;
    public static final double BATCH_TOKENS_EXPONENT = 0.571;

    private StepLaw() {
    }

    /** lr* for N parameters and D tokens. */
    public static double lr(double params, double tokens) {
        return LR_COEFFICIENT * Math.pow(params, LR_PARAMS_EXPONENT) * Math.pow(tokens, LR_TOKENS_EXPONENT);
    }

    /** B* in tokens for D tokens. */
    public static double batchTokens(double tokens) {
        return BATCH_COEFFICIENT * Math.pow(tokens, BATCH_TOKENS_EXPONENT);
    }

    /** lr* at a target, N and D from {@code facts}. */
    public static double lrAt(Map<String, Double> target, ScaleFacts facts) {
        return lr(facts.params().applyAsDouble(target), facts.tokens().applyAsDouble(target));
    }

    /** B* at a target in the batch axis' unit: B* in tokens over the tokens one example or sequence holds. */
    public static double batchAt(Map<String, Double> target, double tokensPerExample) {
        return batchTokens(target.get("tokens")) / tokensPerExample;
    }

    /** The published exponents by coefficient name ({@code a_params}, {@code a_tokens}), to set next to fitted ones. */
    public static Map<String, Double> exponents(String hyperparameterKind) {
        return switch (hyperparameterKind) {
            case "lr" -> Map.of("a_params", LR_PARAMS_EXPONENT, "a_tokens", LR_TOKENS_EXPONENT);
            case "batch" -> Map.of("a_tokens", BATCH_TOKENS_EXPONENT);
            default -> throw new IllegalArgumentException("the Step Law has formulas for " + List.of("lr", "batch")
                    + ", not '" + hyperparameterKind + "'");
        };
    }
}
