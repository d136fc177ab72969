package io.mutune.jobs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The spec's rules: section and the proxy's axes are checked when the spec is parsed, with the field in the error. */
class RulesSectionTest {
    static final String SPEC = """
            sweep: axes
            seed: 1
            proxy:
              model: transformer
              base: {width: 32, depth: 2, heads: 2}
              batch_size: 8
              schedule: {kind: wsd, warmup_tokens: 1024}
            scales: {width: [32, 64], tokens: [65536, 131072], batch: [8, 16]}
            search:
              space:
                lr: {float: [1.0e-4, 1.0e-1], log: true}
                weight_decay: {float: [1.0e-3, 1.0], log: true}
              resource: {max: 100}
            RULES
            targets: [{width: 1024, tokens: 1.0e9, batch: 256}]
            output: {trials: "delta:/tmp/t", recommendations: "delta:/tmp/r"}
            """;

    static SweepSpec parse(String rules) {
        return SweepSpecParser.parse(SPEC.replace("RULES", rules));
    }

    static String error(String rules) {
        return assertThrows(SpecException.class, () -> parse(rules)).getMessage();
    }

    @Test
    void keepsTheRulesSection() {
        SweepSpec s = parse("rules: {weight_decay: timescale, batch: tokens, lr: [width, tokens]}");
        assertEquals(Map.of("weight_decay", "timescale", "batch", "tokens", "lr", List.of("width", "tokens")), s.rules());
        assertEquals(Map.of(), parse("").rules());
    }

    @Test
    void aBadRuleNamesItsField() {
        assertEquals("rules.momentum: unknown hyperparameter; expected one of [batch, lr, weight_decay] (the search space and scales.batch)",
                error("rules: {momentum: constant}"));
        SpecException e = assertThrows(SpecException.class, () -> parse("rules: {lr: quadratic}"));
        assertEquals("rules.lr", e.field());
    }

    @Test
    void aWarmupLongerThanAHorizonNamesTheWarmup() {
        // batch 8 x context 32 = 256 tokens a step: 65536 tokens are 256 steps, a warmup of 70000 tokens 274
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(
                SPEC.replace("RULES", "").replace("warmup_tokens: 1024", "warmup_tokens: 70000")));
        assertEquals("proxy.schedule.warmup_tokens", e.field());
        assertEquals("proxy.schedule.warmup_tokens: warmup of 274 steps is not shorter than the horizon of 256 steps "
                + "(scales.tokens 65536 at batch 8, 256 tokens per step)", e.getMessage());
    }

    @Test
    void aRuleForAHyperparameterThatIsNotSearchedNamesItsField() {
        // lr pinned: nothing varies it, so it has no rule, and the timescale has no learning rate to divide by
        String pinned = SPEC.replace("lr: {float: [1.0e-4, 1.0e-1], log: true}", "lr: {fixed: 0.01}");
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(pinned.replace("RULES", "rules: {lr: [width]}")));
        assertEquals("rules.lr: unknown hyperparameter; expected one of [batch, weight_decay] (the search space and scales.batch)", e.getMessage());
        e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(pinned.replace("RULES", "rules: {weight_decay: timescale}")));
        assertEquals("rules.weight_decay", e.field());
        assertEquals("rules.weight_decay: 'timescale' needs exactly one searched learning rate (lr), since tau = B/(lr*wd*D); "
                + "the searched hyperparameters are [weight_decay]", e.getMessage());
    }

    @Test
    void aCommandProxyCannotHaveARuleThatNeedsTheProxysTokensBatchAndParameters() {
        String command = SPEC.replaceAll("(?s)proxy:.*?scales:", "proxy: {model: command, command: [python3, train.py]}\nscales:");
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(command.replace("RULES", "rules: {weight_decay: timescale}")));
        assertEquals("rules.weight_decay", e.field());
        assertTrue(e.getMessage().contains("needs the tokens (D), batch tokens (B) and parameter count (N) of each scale point"), e.getMessage());
        // a power law in the sweep's own axes needs none of them
        assertEquals(Map.of("lr", List.of("width", "tokens")), SweepSpecParser.parse(command.replace("RULES", "rules: {lr: [width, tokens]}")).rules());
    }
}
