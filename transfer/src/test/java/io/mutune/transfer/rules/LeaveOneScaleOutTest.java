package io.mutune.transfer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LeaveOneScaleOutTest {

    private static final double[] GRID = SyntheticSweep.logGrid(1e-5, 1, 31);

    /** Optima on lr* = 0.5/width except the largest width, whose optimum is {@code shift} times off the law. */
    private static Optional<Validation> validate(double shift, double[] widths) {
        return validate(shift, widths, GRID);
    }

    private static Optional<Validation> validate(double shift, double[] widths, double[] largestGrid) {
        OptimumEstimator estimator = new OptimumEstimator(0.0025);
        List<ScaleOptimum> optima = new ArrayList<>();
        Map<Map<String, Double>, LossProfile> profiles = new LinkedHashMap<>();
        for (int i = 0; i < widths.length; i++) {
            double c = i == widths.length - 1 ? 0.5 * shift : 0.5;
            double[] grid = widths[i] == java.util.Arrays.stream(widths).max().orElseThrow() ? largestGrid : GRID;
            List<TrialObservation> trials = new SyntheticSweep(c, -1, 0.05, 0, 5, grid, 1).trials(new double[] {widths[i]}, i);
            Map<String, Double> scale = Map.of("width", widths[i]);
            profiles.put(scale, LossProfile.of(trials, "lr", FitSpace.LOG));
            optima.add(estimator.estimate(scale, "lr", FitSpace.LOG, profiles.get(scale)).orElseThrow());
        }
        double[] weights = new double[widths.length];
        java.util.Arrays.fill(weights, 1);
        return LeaveOneScaleOut.validate(optima, weights, List.of("width"), List.of("width"), profiles);
    }

    @Test
    void predictsTheLargestScaleFromTheOthers() {
        Validation v = validate(2.0, new double[] {256, 64, 128, 512}).orElseThrow();
        assertEquals(Map.of("width", 512.0), v.heldOut(), "the largest is held out whatever the order");
        assertEquals(Math.log(0.5 / 512), Math.log(v.predicted()), 1e-3);
        assertEquals(-Math.log(2.0), v.logError(), 1e-3);
        // Loss read from that scale's own curve: 0.05 * (log 2)^2 above its best of 2.0.
        assertNotNull(v.lossError());
        assertEquals(0.05 * Math.log(2) * Math.log(2) / 2.0, v.lossError(), 2e-3);
    }

    @Test
    void exactLawHasNoError() {
        Validation v = validate(1.0, new double[] {64, 128, 256, 512}).orElseThrow();
        assertEquals(0, v.logError(), 1e-3);
        // Linear interpolation between grid points overstates the loss near the minimum a little.
        assertEquals(0, v.lossError(), 1e-3);
    }

    @Test
    void predictionOutsideTheSearchedRangeHasNoLossError() {
        // The largest width searched only [1e-2, 1]; the rule predicts 0.5/512 ~ 1e-3 there.
        Validation v = validate(1.0, new double[] {64, 128, 256, 512}, SyntheticSweep.logGrid(1e-2, 1, 5)).orElseThrow();
        assertEquals(Math.log(0.5 / 512), Math.log(v.predicted()), 1e-3);
        assertNull(v.lossError());
    }

    @Test
    void tooFewPointsGiveNoValidation() {
        assertTrue(validate(1.0, new double[] {64, 128}).isEmpty());
    }
}
