package io.mutune.transfer.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.transfer.rules.JointSweep;
import io.mutune.transfer.rules.SyntheticSweep;
import io.mutune.transfer.rules.TrialObservation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The Step Law's joint forms: lr*(N, D) and batch*(D) when the sweep varies tokens. */
class JointLawTest {

    private static final double[] GRID = SyntheticSweep.logGrid(1e-6, 10, 22);
    private static final RecommenderSettings MUP = new RecommenderSettings(3, 200, 0.0025, "mup");

    @Test
    void lrFollowsTokensUnderMupAndItsWidthExponentIsDropped() {
        List<Map<String, Double>> scales = JointSweep.grid("width", new double[] {64, 128, 256}, "tokens", new double[] {1e6, 4e6, 1.6e7});
        List<TrialObservation> trials = JointSweep.trials(scales, "lr", s -> 0.5 * Math.pow(s.get("tokens"), -0.3), GRID, 2, 0.002, 1);
        Recommendation r = Recommender.recommend(trials, List.of("lr"), List.of(Map.of("width", 4096.0, "tokens", 1e9)), MUP).get(0);
        assertEquals(Verdict.FITTED, r.verdict());
        assertEquals("log lr = c + a_tokens*log(tokens)", r.ruleForm());
        assertEquals(-0.3, r.coefficients().get("a_tokens"), 0.05);
        assertFalse(r.coefficients().containsKey("a_width"));
        assertEquals(Math.log(0.5 * Math.pow(1e9, -0.3)), Math.log(r.value()), 0.3);
    }

    @Test
    void lrOfParamsAndTokensReplacesWidthAndDepth() {
        // N varies through width and depth together; the Step Law's form uses N itself.
        List<Map<String, Double>> scales = new java.util.ArrayList<>();
        for (double[] wd : new double[][] {{64, 2}, {128, 4}, {256, 8}}) {
            for (double tokens : new double[] {1e6, 1e7}) {
                scales.add(Map.of("width", wd[0], "depth", wd[1], "params", wd[0] * wd[0] * wd[1] * 12, "tokens", tokens));
            }
        }
        List<TrialObservation> trials = JointSweep.trials(scales, "lr",
                s -> 3.0 * Math.pow(s.get("params"), -0.25) * Math.pow(s.get("tokens"), -0.2), GRID, 2, 0.002, 2);
        Recommendation r = Recommender.recommend(trials, List.of("lr"),
                List.of(Map.of("width", 1024.0, "depth", 24.0, "params", 3.0e8, "tokens", 1e10)),
                new RecommenderSettings(3, 200, 0.0025, "sp")).get(0);
        assertEquals("log lr = c + a_params*log(params) + a_tokens*log(tokens)", r.ruleForm());
        assertEquals(-0.25, r.coefficients().get("a_params"), 0.05);
        assertEquals(-0.2, r.coefficients().get("a_tokens"), 0.05);
    }

    @Test
    void batchSizeScalesWithTokensOnly() {
        List<Map<String, Double>> scales = JointSweep.grid("width", new double[] {64, 256}, "tokens", new double[] {1e6, 4e6, 1.6e7});
        double[] batches = SyntheticSweep.logGrid(8, 8192, 21);
        // A small width effect that a batch*(D) law deliberately does not model.
        List<TrialObservation> trials = JointSweep.trials(scales, "batch_size",
                s -> 0.1 * Math.pow(s.get("tokens"), 0.5) * Math.pow(s.get("width") / 64, 0.02), batches, 2, 0.002, 3);
        Recommendation r = Recommender.recommend(trials, List.of("batch_size"), List.of(Map.of("tokens", 1e9)),
                new RecommenderSettings(3, 200, 0.0025, "sp")).get(0);
        assertEquals("log batch_size = c + a_tokens*log(tokens)", r.ruleForm());
        assertEquals(0.5, r.coefficients().get("a_tokens"), 0.05);
        assertTrue(r.value() > 0.1 * Math.pow(1e9, 0.5) / 1.5 && r.value() < 0.1 * Math.pow(1e9, 0.5) * 1.5, "" + r.value());
    }
}
