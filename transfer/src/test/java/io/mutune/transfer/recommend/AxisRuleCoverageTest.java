package io.mutune.transfer.recommend;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.transfer.rules.RuleForm;
import io.mutune.transfer.rules.ScaleFacts;
import io.mutune.transfer.rules.StepLaw;
import io.mutune.transfer.rules.TrialObservation;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Each rule for a launch's other axes, as the recommender fits it from a {@code rules:} plan,
 * recovers its exponent on synthetic sweeps whose optima follow a known law and whose losses are
 * noisy (two seeds per configuration): the recommendation's 95 % coefficient interval holds the true
 * exponent in at least 90 of 100 seeded sweeps, and stays narrow enough to say something.
 */
class AxisRuleCoverageTest {
    static final int CASES = 100;
    static final int RESAMPLES = 100;
    static final Map<String, Double> TARGET = Map.of("width", 1024.0, "tokens", 1e9);

    static RecommenderSettings settings(long seed) {
        return new RecommenderSettings(seed, RESAMPLES, 0.0025, "sp");
    }

    static RulePlan plan(RuleForm form) {
        return new RulePlan(Map.of(form.hyperparameter(), form), AxisSweeps.FACTS);
    }

    /** The recommendation of {@code name} under {@code plan}. */
    static Recommendation recommend(List<TrialObservation> trials, List<String> searched, String name, Map<String, Double> target,
                                    RulePlan plan, long seed) {
        return Recommender.recommend(trials, searched, List.of(target), settings(seed), plan).stream()
                .filter(r -> r.hyperparameter().equals(name)).findFirst().orElseThrow();
    }

    /** Runs {@code cases} sweeps; {@code interval.apply(seed)} is the exponent's interval; asserts and prints the coverage. */
    static void assertCoverage(String what, double truth, double maxMeanWidth, LongFunction<double[]> interval) {
        int covered = 0;
        double width = 0;
        for (int c = 0; c < CASES; c++) {
            double[] ci = interval.apply(7000 + c);
            covered += ci[0] <= truth && truth <= ci[1] ? 1 : 0;
            width += (ci[1] - ci[0]) / CASES;
        }
        System.out.printf("%s: coverage %d/%d, mean 95%% interval width %.3f%n", what, covered, CASES, width);
        assertTrue(covered >= 90, what + ": true exponent " + truth + " covered " + covered + "/" + CASES);
        assertTrue(width < maxMeanWidth, what + ": mean interval width " + width);
    }

    @Test
    void theJointLearningRateLawRecoversTheStepLawExponents() {
        RulePlan plan = plan(new RuleForm("lr", RuleForm.Kind.POWER_LAW, List.of("params", "tokens"), null));
        for (String axis : List.of("params", "tokens")) {
            double truth = axis.equals("params") ? StepLaw.LR_PARAMS_EXPONENT : StepLaw.LR_TOKENS_EXPONENT;
            assertCoverage("lr(N, D) a_" + axis, truth, 0.3, seed -> recommend(AxisSweeps.stepLawLr(seed), List.of("lr"), "lr",
                    TARGET, plan, seed).coefficientIntervals().get("a_" + axis));
        }
    }

    @Test
    void theTimescaleRuleRecoversTheExponentOfTauInTokensPerParameter() {
        RulePlan plan = plan(new RuleForm("weight_decay", RuleForm.Kind.TIMESCALE, List.of(ScaleFacts.TOKENS_PER_PARAM), null));
        assertCoverage("weight decay: tau(D/N) a_tokens_per_param", AxisSweeps.TAU_EXPONENT, 0.3,
                seed -> recommend(AxisSweeps.timescale(seed), List.of("lr", "weight_decay"), "weight_decay", TARGET, plan, seed)
                        .coefficientIntervals().get("a_" + ScaleFacts.TOKENS_PER_PARAM));
    }

    @Test
    void theBatchSizeRuleRecoversTheStepLawExponentInTokens() {
        RulePlan plan = plan(new RuleForm("batch", RuleForm.Kind.BATCH_SIZE, List.of("tokens"), null));
        Map<String, Double> target = Map.of("width", 1024.0, "tokens", 1e9, "batch", 1024.0);
        assertCoverage("batch: B*(D) a_tokens", StepLaw.BATCH_TOKENS_EXPONENT, 0.3,
                seed -> recommend(AxisSweeps.batch(seed), List.of("lr"), "batch", target, plan, seed).coefficientIntervals().get("a_tokens"));
    }

    @Test
    void theWarmupFractionRuleRecoversItsExponentFromWarmupsSearchedInTokens() {
        RulePlan plan = plan(new RuleForm("warmup_tokens", RuleForm.Kind.WARMUP_FRACTION, List.of("tokens"), null));
        assertCoverage("warmup: f(D) a_tokens", AxisSweeps.WARMUP_EXPONENT, 0.3,
                seed -> recommend(AxisSweeps.warmupTokens(seed), List.of("lr", "warmup_tokens"), "warmup_tokens", TARGET, plan, seed)
                        .coefficientIntervals().get("a_tokens"));
    }
}
