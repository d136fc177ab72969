package io.mutune.transfer.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.engine.Autograd;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CompleteP (Dey et al. 2025) on the transformer: proxies at depth 2 set the hyperparameters of
 * deeper models. The depth-wise coordinate check: with branches scaled by 2/L and the matching
 * learning rates, the residual stream at init and the change a few Adam steps make to it stay of
 * one size from depth 2 to 16; plain muP's grow with depth.
 */
class TransformerDepthTest {
    static final List<Integer> DEPTHS = List.of(2, 4, 8, 16);

    static Map<String, Object> spec(String parametrization) {
        Map<String, Object> s = new HashMap<>(TransformerProxyRunnerTest.spec());
        s.put("parametrization", parametrization);
        s.put("base", Map.of("width", 32, "depth", 2, "heads", 2));
        return s;
    }

    /** {mean |stream| after the last block at init, mean |its change| after {@code steps} updates}. */
    static double[] measure(String parametrization, int depth, int steps) {
        DjlProxyRunner runner = ProxyRunners.of(ProxySpec.parse(spec(parametrization)));
        TrialSegment seg = new TrialSegment("depth", new Configuration(Map.of("lr", 1e-2)),
                Map.of("width", 32.0, "depth", (double) depth), 0, steps, null, null, 3L);
        double[] out = new double[2];
        try (NDManager m = NDManager.newBaseManager()) {
            ProxyTrial t = runner.build(m, seg);
            TransformerModel model = (TransformerModel) t.model();
            NDArray[] batch = t.task().trainBatch(m, 3, 0);
            String last = "block" + (depth - 1) + ".mlp";
            NDArray[] before = new NDArray[1];
            try (Autograd off = Autograd.pause()) {
                model.forward(batch[0], (layer, a) -> {
                    if (layer.equals(last)) {
                        before[0] = a;
                        out[0] = a.abs().mean().getFloat();
                    }
                });
            }
            SegmentTrainer trainer = new SegmentTrainer(model, t.optimizer(), t.task(), 3, 0, 1);
            for (int s = 0; s < steps; s++) {
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    trainer.step(batch, ActivationProbe.NONE);
                }
            }
            try (Autograd off = Autograd.pause()) {
                model.forward(batch[0], (layer, a) -> {
                    if (layer.equals(last)) {
                        out[1] = a.sub(before[0]).abs().mean().getFloat();
                    }
                });
            }
        }
        return out;
    }

    static double spread(String parametrization, int which) {
        double lo = Double.MAX_VALUE;
        double hi = 0;
        StringBuilder seen = new StringBuilder(parametrization + (which == 0 ? " stream" : " stream change") + " by depth:");
        for (int d : DEPTHS) {
            double v = measure(parametrization, d, 3)[which];
            seen.append(' ').append(d).append('=').append(String.format("%.4g", v));
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        System.out.println(seen);
        return hi / lo;
    }

    @Test
    void completepKeepsTheStreamAndTheUpdatesOfOneSizeAcrossDepth() {
        double stream = spread("completep", 0);
        double update = spread("completep", 1);
        double plainStream = spread("mup", 0);
        double plainUpdate = spread("mup", 1);
        assertTrue(stream <= 1.5, "CompleteP stream spread " + stream + " from depth 2 to 16");
        assertTrue(update <= 2.0, "CompleteP stream-change spread " + update + " from depth 2 to 16");
        assertTrue(plainStream > 1.5 && plainUpdate > 2.0, "muP without a depth rule should grow with depth: stream "
                + plainStream + ", stream change " + plainUpdate);
    }

    @Test
    void aDeepCompletepTransformerTrainsWithTheShallowProxysLearningRate() throws Exception {
        SegmentResult r = ProxyRunners.fromSpec(spec("completep")).run(new TrialSegment("deep", new Configuration(Map.of("lr", 1e-2)),
                Map.of("width", 32.0, "depth", 12.0), 0, 40, null, null, 3L), TrialContext.cpu());
        assertEquals(SegmentResult.Outcome.COMPLETED, r.outcome());
        assertTrue(r.metrics().get("val_loss") < Math.log(32) - 0.3, "val loss " + r.metrics());
    }
}
