package io.mutune.transfer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec's rules: section: each hyperparameter's form, with one-line errors naming the field. */
class RuleFormsTest {
    static final List<String> SPACE = List.of("lr", "weight_decay", "warmup_tokens");
    static final List<String> AXES = List.of("width", "tokens", "batch");

    static Map<String, RuleForm> parse(Object section) {
        return RuleForms.parse(section, SPACE, AXES);
    }

    static String error(Object section) {
        return assertThrows(IllegalArgumentException.class, () -> parse(section)).getMessage();
    }

    @Test
    void readsTheIssuesExample() {
        Map<String, RuleForm> r = parse(Map.of("weight_decay", "timescale", "batch", "tokens", "lr", List.of("width", "tokens"),
                "warmup", "fraction"));
        assertEquals(new RuleForm("weight_decay", RuleForm.Kind.TIMESCALE, List.of("tokens_per_param"), null), r.get("weight_decay"));
        assertEquals(new RuleForm("batch", RuleForm.Kind.BATCH_SIZE, List.of("tokens"), null), r.get("batch"));
        assertEquals(new RuleForm("lr", RuleForm.Kind.POWER_LAW, List.of("width", "tokens"), null), r.get("lr"));
        assertEquals(new RuleForm("warmup_tokens", RuleForm.Kind.WARMUP_FRACTION, List.of(), null), r.get("warmup_tokens"));
        assertEquals(Map.of(), parse(null));
    }

    @Test
    void theStepLawIsABaselineOnlyWhereItHasAFormula() {
        RuleForm lr = parse(Map.of("lr", Map.of("form", List.of("params", "tokens"), "baseline", "step-law"))).get("lr");
        assertEquals(new RuleForm("lr", RuleForm.Kind.POWER_LAW, List.of("params", "tokens"), "step-law"), lr);
        assertEquals("rules.weight_decay.baseline: step-law has formulas for the learning rate and the batch size, not weight_decay",
                error(Map.of("weight_decay", Map.of("form", "timescale", "baseline", "step-law"))));
        assertEquals("rules.lr.baseline: unknown 'chinchilla'; expected step-law",
                error(Map.of("lr", Map.of("form", "constant", "baseline", "chinchilla"))));
    }

    @Test
    void unknownHyperparametersFormsAndAxesNameTheField() {
        assertEquals("rules.momentum: unknown hyperparameter; expected one of [batch, lr, warmup_tokens, weight_decay] "
                + "(the search space and scales.batch)", error(Map.of("momentum", "constant")));
        assertEquals("rules.lr: unknown form 'linear'; expected timescale, fraction, constant, or axes from "
                + "[width, tokens, batch, params, tokens_per_param] (the sweep's scales, params = N, tokens_per_param = D/N)",
                error(Map.of("lr", "linear")));
        assertEquals("rules.lr: 'timescale' is a weight-decay rule, not one for lr", error(Map.of("lr", "timescale")));
        assertEquals("rules.lr: 'fraction' is a warmup rule, not one for lr", error(Map.of("lr", "fraction")));
        assertEquals("rules.batch: the batch size cannot be a power law in itself", error(Map.of("batch", List.of("batch"))));
        assertEquals("rules.weight_decay: 'timescale' needs a tokens axis in scales (tau is a power law in D/N)",
                assertThrows(IllegalArgumentException.class,
                        () -> RuleForms.parse(Map.of("weight_decay", "timescale"), SPACE, List.of("width"))).getMessage());
        assertEquals("rules: expected a map of hyperparameter to rule form, e.g. {weight_decay: timescale, batch: tokens, "
                + "lr: [width, tokens]}; got 'timescale'", error("timescale"));
    }
}
