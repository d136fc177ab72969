package io.mutune.transfer.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class OptimumEstimatorTest {

    private static final Map<String, Double> SCALE = Map.of("width", 128.0);
    private final OptimumEstimator estimator = new OptimumEstimator(0.0025);

    private static TrialObservation trial(double lr, double loss, long resource) {
        return new TrialObservation("lr" + lr + "@" + resource, SCALE, new Configuration(Map.of("lr", lr)), resource, loss, false);
    }

    private static List<TrialObservation> parabola(double optimum, double[] grid) {
        List<TrialObservation> out = new ArrayList<>();
        for (double lr : grid) {
            double d = Math.log(lr / optimum);
            out.add(trial(lr, 3.0 + 0.1 * d * d, 100));
        }
        return out;
    }

    @Test
    void quadraticFindsTheOptimumBetweenGridPoints() {
        double[] grid = SyntheticSweep.logGrid(1e-4, 1e-1, 11);
        ScaleOptimum o = estimator.estimate(SCALE, "lr", FitSpace.LOG, parabola(2.2e-3, grid)).orElseThrow();
        assertEquals(OptimumMethod.QUADRATIC, o.method());
        assertNull(o.reason());
        assertEquals(Math.log(2.2e-3), Math.log(o.value()), 1e-6);
        assertEquals(RangeEdge.NONE, o.edge());
        assertTrue(o.plateauLower() <= o.value() && o.value() <= o.plateauUpper());
    }

    @Test
    void onlyFinalResourceTrialsCount() {
        double[] grid = SyntheticSweep.logGrid(1e-4, 1e-1, 11);
        List<TrialObservation> trials = new ArrayList<>(parabola(2.2e-3, grid));
        // A low rung whose best lr is far away, and better loss: must not move the estimate.
        for (double lr : grid) {
            double d = Math.log(lr / 5e-2);
            trials.add(trial(lr, 1.0 + 0.1 * d * d, 10));
        }
        ScaleOptimum o = estimator.estimate(SCALE, "lr", FitSpace.LOG, trials).orElseThrow();
        assertEquals(Math.log(2.2e-3), Math.log(o.value()), 1e-6);
        assertEquals(100, o.finalResource());
        assertEquals(11, o.finalTrials());
    }

    @Test
    void optimumBelowTheGridIsFlaggedAsLowerEdgeAndFallsBackToArgmin() {
        double[] grid = SyntheticSweep.logGrid(1e-3, 1e-1, 7);
        ScaleOptimum o = estimator.estimate(SCALE, "lr", FitSpace.LOG, parabola(1e-4, grid)).orElseThrow();
        assertEquals(RangeEdge.LOWER, o.edge());
        assertEquals(OptimumMethod.ARGMIN, o.method());
        assertEquals(1e-3, o.value(), 1e-12);
        assertTrue(o.reason().contains("below"), o.reason());
    }

    @Test
    void optimumAboveTheGridIsFlaggedAsUpperEdge() {
        double[] grid = SyntheticSweep.logGrid(1e-4, 1e-2, 7);
        ScaleOptimum o = estimator.estimate(SCALE, "lr", FitSpace.LOG, parabola(1.0, grid)).orElseThrow();
        assertEquals(RangeEdge.UPPER, o.edge());
    }

    @Test
    void divergedTrialsGiveTheThresholdAndBoundTheRangeWithoutBeingAnEdge() {
        double[] grid = SyntheticSweep.logGrid(1e-4, 1e-1, 13);
        List<TrialObservation> trials = new ArrayList<>();
        for (TrialObservation t : parabola(1e-2, grid)) {
            double lr = t.config().getDouble("lr");
            // Diverges above 1.2e-2, part way through training (resource 30), with a NaN loss.
            trials.add(lr > 1.2e-2 ? new TrialObservation(t.trialId(), SCALE, t.config(), 30, Double.NaN, true) : t);
        }
        ScaleOptimum o = estimator.estimate(SCALE, "lr", FitSpace.LOG, trials).orElseThrow();
        assertNotNull(o.divergenceThreshold());
        double firstDiverged = java.util.Arrays.stream(grid).filter(v -> v > 1.2e-2).min().orElseThrow();
        assertEquals(firstDiverged, o.divergenceThreshold(), 1e-12);
        assertEquals(RangeEdge.NONE, o.edge(), "a diverged value above bounds the search");
        assertEquals(OptimumMethod.ARGMIN, o.method());
        assertTrue(o.reason().contains("diverged"), o.reason());
        assertTrue(o.value() < o.divergenceThreshold());
        assertEquals(100, o.finalResource(), "diverged trials do not set the final resource");
    }

    @Test
    void configurationWithADivergedSeedCountsAsDiverged() {
        double[] grid = SyntheticSweep.logGrid(1e-4, 1e-1, 9);
        List<TrialObservation> trials = new ArrayList<>(parabola(1e-3, grid));
        // The best lr also has a diverged repeat: it is unstable, so it must not be the optimum.
        trials.add(new TrialObservation("unstable", SCALE, new Configuration(Map.of("lr", grid[2])), 40, Double.POSITIVE_INFINITY, false));
        ScaleOptimum o = estimator.estimate(SCALE, "lr", FitSpace.LOG, trials).orElseThrow();
        assertTrue(Math.abs(o.value() - grid[2]) > 1e-9, "unstable value chosen: " + o.value());
    }

    @Test
    void plateauBandSpansValuesWithinTolerance() {
        List<TrialObservation> trials = List.of(trial(1e-4, 3.5, 100), trial(1e-3, 3.004, 100), trial(2e-3, 3.0, 100),
                trial(4e-3, 3.006, 100), trial(1e-2, 3.2, 100));
        ScaleOptimum o = new OptimumEstimator(0.0025).estimate(SCALE, "lr", FitSpace.LOG, trials).orElseThrow();
        assertEquals(1e-3, o.plateauLower(), 1e-12, "3.004 <= 3.0075");
        assertEquals(4e-3, o.plateauUpper(), 1e-12, "3.006 <= 3.0075");
    }

    @Test
    void curvatureNotPositiveFallsBackToArgminWithReason() {
        // The best value sits between two bad neighbours and two good outer ones: the best
        // five-point parabola is concave, so there is no vertex to trust.
        double[] losses = {3.5, 5.0, 3.4, 5.0, 3.5};
        List<ProfilePoint> points = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            points.add(new ProfilePoint(-6 + i, losses[i], 1));
        }
        LocalQuadratic.Result q = LocalQuadratic.fit(points, 2, 2);
        assertTrue(!q.ok() && q.reason().contains("no minimum"), String.valueOf(q.reason()));
        assertTrue(LocalQuadratic.fit(points, 2, 1).ok(), "three points around a minimum always have one");
    }

    @Test
    void randomSearchSizedProfilesUseMoreNeighbours() {
        assertEquals(1, LocalQuadratic.neighboursFor(9));
        assertEquals(3, LocalQuadratic.neighboursFor(24));
    }

    @Test
    void noCompletedTrialGivesNoOptimum() {
        List<TrialObservation> trials = List.of(new TrialObservation("d", SCALE, new Configuration(Map.of("lr", 1.0)), 5, Double.NaN, true));
        assertTrue(estimator.estimate(SCALE, "lr", FitSpace.LOG, trials).isEmpty());
    }

    @Test
    void rejectsNegativeTolerance() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new OptimumEstimator(-0.1));
        assertTrue(e.getMessage().contains("-0.1"));
    }
}
