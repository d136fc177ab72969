package io.mutune.transfer.rules;

import io.mutune.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

/** Trials of one hyperparameter over arbitrary scale points: loss is a parabola in log(hp) around {@code optimum(scale)}. */
public final class JointSweep {

    private JointSweep() {
    }

    public static List<TrialObservation> trials(List<Map<String, Double>> scales, String hyperparameter,
                                                ToDoubleFunction<Map<String, Double>> optimum, double[] grid,
                                                int seeds, double noise, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<TrialObservation> out = new ArrayList<>();
        for (Map<String, Double> scale : scales) {
            double best = Math.log(optimum.applyAsDouble(scale));
            for (double v : grid) {
                for (int s = 0; s < seeds; s++) {
                    double d = Math.log(v) - best;
                    out.add(new TrialObservation(scale + "-" + v + "-" + s, scale, new Configuration(Map.of(hyperparameter, v)),
                            500, 2.0 + 0.05 * d * d + noise * random.nextGaussian(), false));
                }
            }
        }
        return out;
    }

    /** Every combination of the given widths and token counts. */
    public static List<Map<String, Double>> grid(String axisA, double[] a, String axisB, double[] b) {
        List<Map<String, Double>> out = new ArrayList<>();
        for (double x : a) {
            for (double y : b) {
                out.add(Map.of(axisA, x, axisB, y));
            }
        }
        return out;
    }
}
