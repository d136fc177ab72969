package io.mutune.transfer.rules;

import io.mutune.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Trials whose loss is a parabola in log(lr) around a known power law lr*(width) = c * width^a,
 * with Gaussian loss noise; lr values above lr* * e^divergeAbove (in log) diverge.
 */
public record SyntheticSweep(double c, double exponent, double curvature, double noise, double divergeAbove,
                             double[] lrGrid, int seeds) {

    public static double trueOptimum(double c, double exponent, double width) {
        return c * Math.pow(width, exponent);
    }

    public List<TrialObservation> trials(double[] widths, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrialObservation> out = new ArrayList<>();
        for (double w : widths) {
            double best = Math.log(trueOptimum(c, exponent, w));
            for (double lr : lrGrid) {
                for (int s = 0; s < seeds; s++) {
                    double d = Math.log(lr) - best;
                    boolean diverged = d > divergeAbove;
                    double loss = diverged ? Double.NaN : 2.0 + curvature * d * d + noise * random.nextGaussian();
                    out.add(new TrialObservation("w" + w + "-lr" + lr + "-s" + s, Map.of("width", w),
                            new Configuration(Map.of("lr", lr)), 1000, loss, diverged));
                }
            }
        }
        return out;
    }

    /** {@code n} log-spaced values from lo to hi. */
    public static double[] logGrid(double lo, double hi, int n) {
        double[] g = new double[n];
        for (int i = 0; i < n; i++) {
            g[i] = Math.exp(Math.log(lo) + i * (Math.log(hi) - Math.log(lo)) / (n - 1));
        }
        return g;
    }
}
