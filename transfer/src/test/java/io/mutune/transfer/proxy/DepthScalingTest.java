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
}
