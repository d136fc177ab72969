package io.mutune.transfer.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongFunction;
import org.junit.jupiter.api.Test;

/**
 * Each rule for a launch's other axes recovers its exponent on synthetic sweeps whose optima follow
 * a known law and whose losses are noisy: its bootstrap interval holds the true exponent in at
 * least 90 of 100 seeded sweeps, and stays narrow enough to say something.
 */
class AxisRuleCoverageTest {
    static final int CASES = 100;
    static final int RESAMPLES = 100;
    static final double NOISE = 0.002;
    static final double[] WIDTHS = {64, 128, 256};
    static final double[] TOKENS = {1e6, 4e6, 1.6e7};

    /** A made-up N(width) for the synthetic proxies. */
    static double params(double width) {
        return 12 * width * width;
    }

    static final ScaleFacts FACTS = new ScaleFacts(s -> s.get("tokens"), s -> 1024.0, s -> params(s.get("width")));

    static FitSettings settings(long seed) {
        return new FitSettings(new OptimumEstimator(0.0025), RESAMPLES, 0.95, new SplittableRandom(seed));
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

    static List<Map<String, Double>> grid() {
        List<Map<String, Double>> out = new ArrayList<>();
        for (double w : WIDTHS) {
            for (double t : TOKENS) {
                out.add(Map.of("width", w, "tokens", t));
            }
        }
        return out;
    }

    static double loss(SplittableRandom r, double... logDistances) {
        double l = 2.0;
        for (double d : logDistances) {
            l += 0.05 * d * d;
        }
        return l + NOISE * r.nextGaussian();
    }

    @Test
    void theJointLearningRateLawRecoversTheStepLawExponents() {
        double[] lrGrid = SyntheticSweep.logGrid(1e-5, 1, 18);
        for (String axis : List.of("params", "tokens")) {
            double truth = axis.equals("params") ? StepLaw.LR_PARAMS_EXPONENT : StepLaw.LR_TOKENS_EXPONENT;
            assertCoverage("lr(N, D) a_" + axis, truth, 0.3, seed -> {
                SplittableRandom r = new SplittableRandom(seed);
                List<TrialObservation> trials = new ArrayList<>();
                for (Map<String, Double> s : grid()) {
                    double best = Math.log(StepLaw.lr(params(s.get("width")), s.get("tokens")));
                    for (double lr : lrGrid) {
                        for (int k = 0; k < 2; k++) {
                            trials.add(new TrialObservation(s + "-" + lr + "-" + k, s, new Configuration(Map.of("lr", lr)), 100,
                                    loss(r, Math.log(lr) - best), false));
                        }
                    }
                }
                return PowerLawRule.fit(trials, "lr", List.of("params", "tokens"), FACTS, settings(seed)).law().fit().rule()
                        .intervals().get("a_" + axis);
            });
        }
    }

    @Test
    void theTimescaleRuleRecoversTheExponentOfTauInTokensPerParameter() {
        double truth = -0.4;
        assertCoverage("weight decay: tau(D/N) a_tokens_per_param", truth, 0.3, seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<TrialObservation> trials = new ArrayList<>();
            for (Map<String, Double> s : grid()) {
                double d = s.get("tokens");
                double tauStar = 0.05 * Math.pow(FACTS.tokensPerParam(s), truth);
                double lrStar = 3e-3;
                // an (lr, wd) search on sqrt(2) grids: tau = B/(lr wd D) falls on a lattice of the same ratio
                for (int i = -2; i <= 2; i++) {
                    double lr = lrStar * Math.pow(2, i / 2.0 + 0.1);
                    for (int j = -5; j <= 5; j++) {
                        double tau = tauStar * Math.pow(2, j / 2.0 + 0.3);
                        double wd = 1024.0 / (lr * tau * d);
                        for (int k = 0; k < 2; k++) {
                            trials.add(new TrialObservation(s + "-" + i + "-" + j + "-" + k, s,
                                    new Configuration(Map.of("lr", lr, "weight_decay", wd)), 100,
                                    loss(r, Math.log(lr / lrStar), Math.log(tau / tauStar)), false));
                        }
                    }
                }
            }
            return TimescaleRule.fit(trials, "weight_decay", "lr", FACTS, settings(seed)).law().fit().rule()
                    .intervals().get("a_" + ScaleFacts.TOKENS_PER_PARAM);
        });
    }

    @Test
    void theBatchSizeRuleRecoversTheStepLawExponentInTokens() {
        double[] batches = {4, 8, 16, 32, 64, 128, 256};
        double[] tokens = {2e5, 4e5, 8e5, 1.6e6};
        assertCoverage("batch: B*(D) a_tokens", StepLaw.BATCH_TOKENS_EXPONENT, 0.3, seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<TrialObservation> trials = new ArrayList<>();
            for (double w : new double[] {64, 128}) {
                for (double d : tokens) {
                    double best = Math.log(StepLaw.batchTokens(d) / 16); // sequences of 16 tokens
                    for (double b : batches) {
                        // at each point an lr search around that batch's own optimum, two seeds per configuration
                        Map<String, Double> s = Map.of("width", w, "tokens", d, "batch", b);
                        double lrStar = 1e-3 * Math.sqrt(b / 16);
                        for (int i = -3; i <= 3; i++) {
                            double lr = lrStar * Math.pow(2, i / 2.0 + 0.2);
                            for (int k = 0; k < 2; k++) {
                                trials.add(new TrialObservation(s + "-" + i + "-" + k, s, new Configuration(Map.of("lr", lr)), 100,
                                        loss(r, Math.log(b) - best, Math.log(lr / lrStar)), false));
                            }
                        }
                    }
                }
            }
            return BatchSizeRule.fit(trials, "batch", List.of("tokens"), settings(seed)).law().fit().rule().intervals().get("a_tokens");
        });
    }

    @Test
    void theWarmupFractionRuleRecoversItsExponentFromWarmupsSearchedInTokens() {
        double truth = -0.3;
        double[] fractions = SyntheticSweep.logGrid(2e-3, 0.4, 9);
        assertCoverage("warmup: f(D) a_tokens", truth, 0.3, seed -> {
            SplittableRandom r = new SplittableRandom(seed);
            List<TrialObservation> trials = new ArrayList<>();
            for (Map<String, Double> s : grid()) {
                double best = Math.log(0.05 * Math.pow(s.get("tokens") / 1e6, truth));
                // warmup searched with lr, two seeds per configuration
                for (double f : fractions) {
                    for (int i = -2; i <= 1; i++) {
                        double lr = 1e-3 * Math.pow(2, i / 2.0 + 0.2);
                        for (int k = 0; k < 2; k++) {
                            trials.add(new TrialObservation(s + "-" + f + "-" + i + "-" + k, s,
                                    new Configuration(Map.of("lr", lr, "warmup_tokens", f * s.get("tokens"))), 100,
                                    loss(r, Math.log(f) - best, Math.log(lr / 1e-3)), false));
                        }
                    }
                }
            }
            return WarmupFractionRule.fit(trials, "warmup_tokens", List.of("tokens"), FACTS, settings(seed)).law().fit().rule()
                    .intervals().get("a_tokens");
        });
    }
}
