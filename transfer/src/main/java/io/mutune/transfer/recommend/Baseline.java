package io.mutune.transfer.recommend;

import io.mutune.transfer.rules.RuleForm;
import io.mutune.transfer.rules.ScaleFacts;
import io.mutune.transfer.rules.StepLaw;
import java.util.Map;

/**
 * A published formula's value at the target, reported next to the fitted rule when the spec's
 * {@code rules:} section asks for it ({@code lr: {form: [params, tokens], baseline: step-law}}).
 * It is never the recommendation: the fitted exponents stand beside the published ones so that a
 * reader sees whether this sweep agrees with the literature.
 *
 * @param name               e.g. {@code step-law}
 * @param formula            the formula with its published coefficients
 * @param value              its value at the target, in the hyperparameter's unit
 * @param publishedExponents by coefficient name ({@code a_params}, {@code a_tokens})
 */
public record Baseline(String name, String formula, double value, Map<String, Double> publishedExponents) {

    public Baseline {
        publishedExponents = Map.copyOf(publishedExponents);
    }

    /** The baseline {@code form} asks for at {@code target}, or null for none (or a target without the batch axis it needs). */
    static Baseline at(RuleForm form, Map<String, Double> target, ScaleFacts facts) {
        if (form == null || form.baseline() == null) {
            return null;
        }
        if (form.kind() == RuleForm.Kind.BATCH_SIZE) {
            Double batch = target.get(form.hyperparameter());
            if (batch == null) {
                return null;
            }
            double tokensPerExample = facts.batchTokens().applyAsDouble(target) / batch;
            return new Baseline(StepLaw.NAME, "B = " + StepLaw.BATCH_COEFFICIENT + " D^" + StepLaw.BATCH_TOKENS_EXPONENT + " tokens",
                    StepLaw.batchAt(target, tokensPerExample), StepLaw.exponents("batch"));
        }
        return new Baseline(StepLaw.NAME, "lr = " + StepLaw.LR_COEFFICIENT + " N^" + StepLaw.LR_PARAMS_EXPONENT + " D^"
                + StepLaw.LR_TOKENS_EXPONENT, StepLaw.lrAt(target, facts), StepLaw.exponents("lr"));
    }
}
