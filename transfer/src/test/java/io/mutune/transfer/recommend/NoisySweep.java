package io.mutune.transfer.recommend;

import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.rules.TrialObservation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.DoubleUnaryOperator;

/**
 * A sweep that looks like the proxies' real ones: loss is {@code L(width) * (1 + curvature d^2)}
 * in {@code d = log(lr / lr*(width))}, the best loss falls with width, and every run carries
 * multiplicative seed noise of {@code relativeNoise} (4.7 % on the DJL MLP proxies).
 */
record NoisySweep(DoubleUnaryOperator optimum, DoubleUnaryOperator bestLoss, double curvature, double relativeNoise,
                  double[] lrGrid, int replicates) {

    List<TrialObservation> trials(double[] widths, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrialObservation> out = new ArrayList<>();
        for (double w : widths) {
            double best = Math.log(optimum.applyAsDouble(w));
            for (double lr : lrGrid) {
                double d = Math.log(lr) - best;
                for (int s = 0; s < replicates; s++) {
                    double loss = bestLoss.applyAsDouble(w) * (1 + curvature * d * d) * (1 + relativeNoise * random.nextGaussian());
                    out.add(new TrialObservation("w" + w + "-lr" + lr + "-r" + s, Map.of("width", w),
                            new Configuration(Map.of("lr", lr)), 600, loss, false));
                }
            }
        }
        return out;
    }
}
