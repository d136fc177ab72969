package io.mutune.transfer.rules;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * The bootstrap interval of the width exponent must contain the true exponent in at least 90 of
 * 100 seeded repetitions of a sweep whose optima follow a known power law and whose losses are noisy.
 */
class ExponentCoverageTest {

    private static final double TRUE_EXPONENT = -0.5;
    private static final double[] WIDTHS = {64, 128, 256, 512, 1024};

    @Test
    void bootstrapIntervalCoversTheTrueExponentAtLeast90Of100Times() {
        double[] grid = SyntheticSweep.logGrid(1e-5, 1, 16);
        SyntheticSweep sweep = new SyntheticSweep(0.2, TRUE_EXPONENT, 0.05, 0.004, 2.5, grid, 2);
        OptimumEstimator estimator = new OptimumEstimator(0.0025);
        RuleFitter fitter = new RuleFitter(0.95);
        int covered = 0;
        double widthSum = 0;
        for (int rep = 0; rep < 100; rep++) {
            List<TrialObservation> trials = sweep.trials(WIDTHS, 1000 + rep);
            List<Map<String, Double>> scales = new ArrayList<>();
            List<List<TrialObservation>> byScale = new ArrayList<>();
            List<ScaleOptimum> optima = new ArrayList<>();
            for (double w : WIDTHS) {
                Map<String, Double> scale = Map.of("width", w);
                List<TrialObservation> here = trials.stream().filter(t -> t.scale().equals(scale)).toList();
                scales.add(scale);
                byScale.add(here);
                optima.add(estimator.estimate(scale, "lr", FitSpace.LOG, here).orElseThrow());
            }
            double[][] replicates = BootstrapOptima.replicate(scales, byScale, "lr", FitSpace.LOG, estimator, 1000,
                    new SplittableRandom(rep));
            double[] ci = fitter.fit(optima, replicates, List.of("width")).rule().intervals().get("a_width");
            covered += ci[0] <= TRUE_EXPONENT && TRUE_EXPONENT <= ci[1] ? 1 : 0;
            widthSum += ci[1] - ci[0];
        }
        System.out.printf("exponent coverage %d/100, mean interval width %.3f%n", covered, widthSum / 100);
        assertTrue(covered >= 90, "true exponent covered " + covered + "/100 times");
        // An interval that always covers because it is enormous is no test: keep it informative.
        assertTrue(widthSum / 100 < 0.5, "mean interval width " + widthSum / 100);
    }
}
