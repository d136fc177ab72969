package io.mutune.transfer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** What the rules give a launcher at a target, and what they say when the evidence is short. */
class AxisRulesTest {
    static final ScaleFacts FACTS = AxisRuleCoverageTest.FACTS;

    @Test
    void theTimescaleRuleTurnsTauIntoAWeightDecayThatIsLinearInTheBatch() {
        List<TrialObservation> trials = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(1);
        for (Map<String, Double> s : AxisRuleCoverageTest.grid()) {
            double tauStar = 0.05 * Math.pow(FACTS.tokensPerParam(s), -0.4);
            for (int j = -5; j <= 5; j++) {
                double tau = tauStar * Math.pow(2, j / 2.0 + 0.3);
                double wd = 1024.0 / (3e-3 * tau * s.get("tokens"));
                trials.add(new TrialObservation(s + "-" + j, s, new Configuration(Map.of("lr", 3e-3, "weight_decay", wd)), 100,
                        AxisRuleCoverageTest.loss(r, Math.log(tau / tauStar)), false));
            }
        }
        TimescaleRule rule = TimescaleRule.fit(trials, "weight_decay", "lr", FACTS, AxisRuleCoverageTest.settings(1));
        Map<String, Double> target = Map.of("width", 1024.0, "tokens", 1e9);
        double tau = 0.05 * Math.pow(1e9 / AxisRuleCoverageTest.params(1024), -0.4);
        assertEquals(Math.log(tau), Math.log(rule.tauAt(target)), 0.1);
        double wd = rule.valueAt(target, 1e-3);
        assertEquals(1024.0 / (1e-3 * rule.tauAt(target) * 1e9), wd, 1e-12 * wd);
        // at twice the lr, half the decay: the product lr*wd is what the timescale fixes
        assertEquals(wd / 2, rule.valueAt(target, 2e-3), 1e-12 * wd);
        double[] ci = rule.intervalAt(target, 1e-3);
        assertTrue(ci[0] <= wd && wd <= ci[1], java.util.Arrays.toString(ci) + " " + wd);
        assertEquals("weight_decay = B/(lr*tau*D), log tau = c + a_tokens_per_param*log(D/N)", rule.form());
    }

    @Test
    void withoutDecayOrWithTooFewPointsARuleSaysWhy() {
        List<TrialObservation> none = List.of(new TrialObservation("a", Map.of("width", 64.0, "tokens", 1e6),
                new Configuration(Map.of("lr", 1e-3, "weight_decay", 0.0)), 100, 2.0, false));
        FittedLaw law = TimescaleRule.fit(none, "weight_decay", "lr", FACTS, AxisRuleCoverageTest.settings(1)).law();
        assertFalse(law.fitted());
        assertEquals("insufficient: no trial has weight_decay > 0, so no AdamW timescale", law.insufficientReason());
        List<TrialObservation> one = new ArrayList<>();
        for (double lr : SyntheticSweep.logGrid(1e-4, 1e-1, 7)) {
            one.add(new TrialObservation("t" + lr, Map.of("width", 64.0, "tokens", 1e6), new Configuration(Map.of("lr", lr)), 100,
                    2 + Math.pow(Math.log(lr / 3e-3), 2), false));
        }
        FittedLaw lr = PowerLawRule.fit(one, "lr", List.of("tokens"), FACTS, AxisRuleCoverageTest.settings(1)).law();
        assertEquals("insufficient: 1 scale points with an interior optimum (0 on the edge of the searched range), "
                + "need at least 3 for a rule in [tokens]", lr.insufficientReason());
    }

    @Test
    void theStepLawBaselineIsItsPublishedFormula() {
        assertEquals(1.79 * Math.pow(1e8, -0.713) * Math.pow(1e10, 0.307), StepLaw.lr(1e8, 1e10), 1e-15);
        assertEquals(0.58 * Math.pow(1e10, 0.571), StepLaw.batchTokens(1e10), 1e-9);
        // in the batch axis' unit: sequences of 512 tokens
        assertEquals(StepLaw.batchTokens(1e10) / 512, StepLaw.batchAt(Map.of("tokens", 1e10), 512), 1e-12);
        assertEquals(Map.of("a_params", -0.713, "a_tokens", 0.307), StepLaw.exponents("lr"));
    }

    @Test
    void theWarmupRuleGivesTokensAtTheTarget() {
        List<TrialObservation> trials = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(2);
        for (Map<String, Double> s : AxisRuleCoverageTest.grid()) {
            for (double f : SyntheticSweep.logGrid(2e-3, 0.4, 9)) {
                // searched in steps: B = 1024 tokens a step
                double steps = f * s.get("tokens") / 1024;
                trials.add(new TrialObservation(s + "-" + f, s, new Configuration(Map.of("lr", 1e-3, "warmup_steps", steps)), 100,
                        AxisRuleCoverageTest.loss(r, Math.log(f / 0.03)), false));
            }
        }
        WarmupFractionRule rule = WarmupFractionRule.fit(trials, "warmup_steps", List.of(), FACTS, AxisRuleCoverageTest.settings(2));
        Map<String, Double> target = Map.of("width", 4096.0, "tokens", 1e10);
        assertEquals(Math.log(0.03), Math.log(rule.fractionAt(target)), 0.1);
        assertEquals(rule.fractionAt(target) * 1e10, rule.warmupTokensAt(target), 1e-3);
        assertEquals("warmup = f*D, log warmup_fraction = c", rule.form());
    }
}
