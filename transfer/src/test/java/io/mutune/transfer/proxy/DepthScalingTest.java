package io.mutune.transfer.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.engine.Autograd;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Depth rules in the residual MLP: the branch multiplier m_L^-alpha keeps the stream bounded in depth. */
class DepthScalingTest {

    static Map<String, Object> spec(String parametrization) {
        Map<String, Object> s = MlpProxyRunnerTest.spec(parametrization);
        s.put("residual", true);
        return s;
    }

    /** Mean |residual stream| after the last block, at init, for a depth. */
    static double streamAtInit(String parametrization, int depth) {
        DjlProxyRunner runner = ProxyRunners.of(ProxySpec.parse(spec(parametrization)));
        TrialSegment seg = new TrialSegment("d", new Configuration(Map.of("lr", 1e-3)),
                Map.of("width", 128.0, "depth", (double) depth), 0, 1, null, null, 3L);
        Map<String, Double> seen = new HashMap<>();
        try (NDManager m = NDManager.newBaseManager(); Autograd off = Autograd.pause()) {
            ProxyTrial t = runner.build(m, seg);
            NDArray[] batch = t.task().validation(m);
            ((MlpModel) t.model()).forward(batch[0], (layer, a) -> seen.put(layer, (double) a.abs().mean().getFloat()));
        }
        return seen.get("hidden" + (depth - 1));
    }

    @Test
    void completepKeepsTheStreamBoundedAcrossDepth() {
        double growthComplete = streamAtInit("completep", 32) / streamAtInit("completep", 2);
        double growthPlain = streamAtInit("mup", 32) / streamAtInit("mup", 2);
        assertTrue(growthComplete < 1.5, "CompleteP stream grew " + growthComplete + "x from depth 2 to 32");
        assertTrue(growthPlain > 2 * growthComplete, "unscaled residual stream grew only " + growthPlain + "x");
    }

    @Test
    void depthMupTrainsAtAnotherDepth() throws Exception {
        SegmentResult r = ProxyRunners.fromSpec(spec("depth-mup")).run(new TrialSegment("d", new Configuration(Map.of("lr", 1e-2)),
                Map.of("width", 64.0, "depth", 8.0), 0, 100, null, null, 3L), TrialContext.cpu());
        assertEquals(SegmentResult.Outcome.COMPLETED, r.outcome());
        assertTrue(r.metrics().get("val_loss") < r.curve().get(0).metrics().get("val_loss") * 1.01, r.curve().toString());
    }

    /** Adam's epsilon as a trial at (width, depth) builds it; base width 64, base depth 2, default epsilon 1e-8. */
    static double epsilonOf(String parametrization, int width, int depth) {
        DjlProxyRunner runner = ProxyRunners.of(ProxySpec.parse(spec(parametrization)));
        TrialSegment seg = new TrialSegment("e", new Configuration(Map.of("lr", 1e-3)),
                Map.of("width", (double) width, "depth", (double) depth), 0, 1, null, null, 3L);
        try (NDManager m = NDManager.newBaseManager()) {
            return ((io.mutune.transfer.optim.ScaledAdamW) runner.build(m, seg).optimizer()).epsilon();
        }
    }

    @Test
    void depthRulesScaleAdamEpsilonAsCompletePPrescribes() {
        // CompleteP (alpha = 1): epsilon x m_N^-1 x m_L^-1; at 4x width and 4x depth, 1/16.
        assertEquals(1e-8 / 16, epsilonOf("completep", 256, 8), 1e-15);
        // depth-muP (alpha = 1/2): m_N^-1 x m_L^-1/2; at 4x width and 4x depth, 1/8.
        assertEquals(1e-8 / 8, epsilonOf("depth-mup", 256, 8), 1e-15);
        // muP and SP keep it, as microsoft/mup does.
        assertEquals(1e-8, epsilonOf("mup", 256, 8), 1e-15);
        assertEquals(1e-8, epsilonOf("sp", 256, 8), 1e-15);
        // at the base shape every rule is the same
        assertEquals(1e-8, epsilonOf("completep", 64, 2), 1e-15);
    }
}
