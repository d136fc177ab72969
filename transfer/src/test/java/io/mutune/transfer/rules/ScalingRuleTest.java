package io.mutune.transfer.rules;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScalingRuleTest {

    private static ScalingRule rule() {
        return new ScalingRule(ScalingRule.FORMAT, "lr", FitSpace.LOG, List.of("width", "tokens"),
                ScalingRule.formOf("lr", FitSpace.LOG, List.of("width", "tokens")),
                Map.of("c", Math.log(0.5), "a_width", -1.0, "a_tokens", -0.25),
                Map.of("c", new double[] {-1, 0}, "a_width", new double[] {-1.1, -0.9}, "a_tokens", new double[] {-0.3, -0.2}),
                new double[][] {{0.01, 0, 0}, {0, 0.001, 0}, {0, 0, 0.0005}}, 0.95, Map.of("seed", "5"));
    }

    @Test
    void predictsAPowerLawAtAScaleNeverFitted() {
        double lr = rule().predict(Map.of("width", 4096.0, "tokens", 1e8, "depth", 12.0));
        assertEquals(0.5 / 4096.0 * Math.pow(1e8, -0.25), lr, 1e-15);
        assertEquals("log lr = c + a_width*log(width) + a_tokens*log(tokens)", rule().form());
    }

    @Test
    void predictionIntervalWidensAwayFromTheOrigin() {
        double[] near = rule().predictionInterval(Map.of("width", 1.0, "tokens", 1.0));
        double[] far = rule().predictionInterval(Map.of("width", 4096.0, "tokens", 1e8));
        double mid = rule().predict(Map.of("width", 4096.0, "tokens", 1e8));
        assertTrue(far[0] < mid && mid < far[1]);
        assertTrue(Math.log(far[1] / far[0]) > Math.log(near[1] / near[0]));
        // At width = tokens = 1 only c varies: +-1.96 * 0.1 in log space.
        assertEquals(2 * 1.959964 * 0.1, Math.log(near[1] / near[0]), 1e-5);
    }

    @Test
    void missingAxisIsNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> rule().predict(Map.of("width", 64.0)));
        assertTrue(e.getMessage().contains("tokens"), e.getMessage());
    }

    @Test
    void roundTripsThroughJson() {
        ScalingRule back = ScalingRule.fromJson(rule().toJson());
        assertEquals(rule().coefficients(), back.coefficients());
        assertEquals(rule().axes(), back.axes());
        assertArrayEquals(rule().intervals().get("a_width"), back.intervals().get("a_width"));
        assertArrayEquals(rule().covariance()[2], back.covariance()[2]);
        Map<String, Double> target = Map.of("width", 2048.0, "tokens", 3e9);
        assertEquals(rule().predict(target), back.predict(target), 0);
        assertEquals("5", back.provenance().get("seed"));
    }

    @Test
    void rejectsUnknownFormat() {
        String json = rule().toJson().replace(ScalingRule.FORMAT, "mutune.scaling-rule/99");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScalingRule.fromJson(json));
        assertTrue(e.getMessage().contains("99"), e.getMessage());
    }
}
