package io.mutune.transfer.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.transfer.rules.RangeEdge;
import io.mutune.transfer.rules.ScaleOptimum;
import io.mutune.transfer.rules.SyntheticSweep;
import io.mutune.transfer.rules.TrialObservation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VerdictAndEdgeTest {

    private static final Map<String, Double> TARGET = Map.of("width", 2048.0);

    private static Recommendation recommend(List<TrialObservation> trials, String parametrization) {
        return Recommender.recommend(trials, List.of("lr"), List.of(TARGET),
                new RecommenderSettings(11, 200, 0.0025, parametrization)).get(0);
    }

    @Test
    void optimumOffTheGridAtTheLargestWidthIsReportedButNotFitted() {
        // SP drift lr* = 0.5/width; the grid stops at 3e-3, above the optimum at width 512 (1e-3).
        double[] grid = SyntheticSweep.logGrid(3e-3, 1, 12);
        List<TrialObservation> trials = new SyntheticSweep(0.5, -1, 0.05, 0.002, 2.0, grid, 2)
                .trials(new double[] {16, 32, 64, 128, 512}, 1);
        Recommendation r = recommend(trials, "sp");
        ScaleOptimum largest = r.evidence().get(4);
        assertEquals(RangeEdge.LOWER, largest.edge());
        assertEquals(5, r.evidence().size());
        assertEquals(4, r.scalePoints(), "the edge optimum is a bound, not fitted");
        assertEquals(Verdict.FITTED, r.verdict());
        assertEquals(-1, r.coefficients().get("a_width"), 0.15);
    }

    @Test
    void tooManyEdgeOptimaAreInsufficient() {
        double[] grid = SyntheticSweep.logGrid(3e-2, 1, 10);
        List<TrialObservation> trials = new SyntheticSweep(0.5, -1, 0.05, 0.002, 2.0, grid, 1)
                .trials(new double[] {16, 64, 256, 1024}, 2);
        Recommendation r = recommend(trials, "sp");
        assertEquals(Verdict.INSUFFICIENT, r.verdict());
        assertTrue(r.ruleForm().contains("edge"), r.ruleForm());
    }

    @Test
    void divergedTrialsAreEvidenceNotFailures() {
        // Everything more than e^0.7 above the optimum diverges: about a third of the grid.
        double[] grid = SyntheticSweep.logGrid(1e-5, 1, 16);
        List<TrialObservation> trials = new SyntheticSweep(0.5, -1, 0.05, 0.002, 0.7, grid, 2)
                .trials(new double[] {64, 128, 256, 512}, 3);
        assertTrue(trials.stream().filter(TrialObservation::isDiverged).count() > 20);
        Recommendation r = recommend(trials, "sp");
        assertEquals(Verdict.FITTED, r.verdict());
        for (ScaleOptimum o : r.evidence()) {
            assertNotNull(o.divergenceThreshold(), "threshold at " + o.scale());
            assertTrue(o.divergenceThreshold() > o.value());
            // The first diverging grid value is within one grid step above e^0.7 * lr*.
            double lrStar = 0.5 / o.scale().get("width");
            assertTrue(o.divergenceThreshold() > lrStar * Math.exp(0.7) && o.divergenceThreshold() < lrStar * Math.exp(0.7) * 2.2,
                    o.divergenceThreshold() + " at " + o.scale());
        }
        assertEquals(-1, r.coefficients().get("a_width"), 0.15);
    }

    @Test
    void exponentCompatibleWithZeroUnderMupTransfersAsIsButSpKeepsIt() {
        double[] grid = SyntheticSweep.logGrid(1e-5, 1, 16);
        List<TrialObservation> trials = new SyntheticSweep(3e-3, 0, 0.05, 0.002, 2.0, grid, 2)
                .trials(new double[] {64, 128, 256}, 4);
        Recommendation mup = recommend(trials, "mup");
        Recommendation sp = recommend(trials, "sp");
        double[] ci = sp.coefficientIntervals().get("a_width");
        assertTrue(ci[0] <= 0 && 0 <= ci[1], "precondition: interval contains 0, got " + ci[0] + ".." + ci[1]);
        assertEquals(Verdict.TRANSFERS_AS_IS, mup.verdict());
        assertEquals(List.of("c"), List.copyOf(mup.coefficients().keySet()));
        assertEquals(Verdict.FITTED, sp.verdict());
    }

    @Test
    void depthMupAlsoDropsZeroExponents() {
        double[] grid = SyntheticSweep.logGrid(1e-5, 1, 16);
        List<TrialObservation> trials = new SyntheticSweep(3e-3, 0, 0.05, 0.002, 2.0, grid, 2)
                .trials(new double[] {64, 128, 256}, 5);
        assertEquals(Verdict.TRANSFERS_AS_IS, recommend(trials, "completep").verdict());
    }
}
