package io.mutune.transfer.recommend;

import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.rules.ScaleFacts;
import io.mutune.transfer.rules.StepLaw;
import io.mutune.transfer.rules.SyntheticSweep;
import io.mutune.transfer.rules.TrialObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Synthetic sweeps over width x tokens (x batch) whose optima follow known laws: lr*(N, D) (the Step
 * Law's exponents), tau*(D/N), B*(D), the warmup fraction f*(D). The loss is a sum of parabolas in
 * the log distances from each optimum, times multiplicative seed noise (the form of the proxies'
 * noise, which the recommender's noise estimate assumes: a relative s.d. per run); every
 * configuration is trained twice, so the noise is measured as {@code search.replicates: 2} measures it.
 */
final class AxisSweeps {
    /** One run's relative seed noise. */
    static final double NOISE = 0.002;
    static final double[] WIDTHS = {64, 128, 256};
    static final double[] TOKENS = {1e6, 4e6, 1.6e7};
    /** B without a batch axis: 1024 tokens a step. */
    static final double BATCH_TOKENS = 1024;
    /** Tokens per sequence where the batch is an axis (in sequences). */
    static final double CONTEXT = 16;
    /** D is the tokens axis, B 1024 tokens (or batch x 16 with a batch axis), N = 12 width^2. */
    static final ScaleFacts FACTS = new ScaleFacts(s -> s.get("tokens"),
            s -> s.containsKey("batch") ? s.get("batch") * CONTEXT : BATCH_TOKENS, s -> params(s.get("width")));
    /** The tau* law's exponent in D/N. */
    static final double TAU_EXPONENT = -0.4;
    /** The warmup fraction's exponent in D. */
    static final double WARMUP_EXPONENT = -0.3;

    private AxisSweeps() {
    }

    /** A made-up N(width) for the synthetic proxies. */
    static double params(double width) {
        return 12 * width * width;
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
        return l * (1 + NOISE * r.nextGaussian());
    }

    static double tauStar(Map<String, Double> s) {
        return 0.05 * Math.pow(FACTS.tokensPerParam(s), TAU_EXPONENT);
    }

    static double warmupStar(Map<String, Double> s) {
        return 0.05 * Math.pow(s.get("tokens") / 1e6, WARMUP_EXPONENT);
    }

    /** lr searched on an 18-point grid around lr* = 1.79 N^-0.713 D^0.307. */
    static List<TrialObservation> stepLawLr(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] lrGrid = SyntheticSweep.logGrid(1e-5, 1, 18);
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
        return trials;
    }

    /**
     * An (lr, wd) search around lr* = 3e-3 (a sqrt(2) grid) and tau*(D/N) (a quarter-octave grid, as the
     * timescale rule bins a random search's tau): tau = B/(lr wd D) falls on the bins' lattice.
     */
    static List<TrialObservation> timescale(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<TrialObservation> trials = new ArrayList<>();
        for (Map<String, Double> s : grid()) {
            double d = s.get("tokens");
            double lrStar = 3e-3;
            for (int i = -3; i <= 3; i++) {
                double lr = lrStar * Math.pow(2, i / 2.0 + 0.1);
                for (int j = -10; j <= 10; j++) {
                    double tau = tauStar(s) * Math.pow(2, j / 4.0 + 0.15);
                    double wd = BATCH_TOKENS / (lr * tau * d);
                    for (int k = 0; k < 2; k++) {
                        trials.add(new TrialObservation(s + "-" + i + "-" + j + "-" + k, s,
                                new Configuration(Map.of("lr", lr, "weight_decay", wd)), 100,
                                loss(r, Math.log(lr / lrStar), Math.log(tau / tauStar(s))), false));
                    }
                }
            }
        }
        return trials;
    }

    /** A batch axis {4..256} at width x tokens, each batch with an lr search around its own optimum; B* = StepLaw in sequences of 16. */
    static List<TrialObservation> batch(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] batches = {4, 8, 16, 32, 64, 128, 256};
        List<TrialObservation> trials = new ArrayList<>();
        for (double w : new double[] {64, 128}) {
            for (double d : new double[] {2e5, 4e5, 8e5, 1.6e6}) {
                double best = Math.log(StepLaw.batchTokens(d) / CONTEXT);
                for (double b : batches) {
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
        return trials;
    }

    /** Warmup searched in tokens (with lr) around f*(D) of the horizon. */
    static List<TrialObservation> warmupTokens(long seed) {
        return warmupTokens(seed, WARMUP_EXPONENT);
    }

    /** The same with f* = 0.05 (D / 1e6)^exponent. */
    static List<TrialObservation> warmupTokens(long seed, double exponent) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] fractions = SyntheticSweep.logGrid(2e-3, 0.4, 9);
        List<TrialObservation> trials = new ArrayList<>();
        for (Map<String, Double> s : grid()) {
            double best = Math.log(0.05 * Math.pow(s.get("tokens") / 1e6, exponent));
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
        return trials;
    }
}
