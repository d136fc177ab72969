package io.mutune.transfer.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.mutune.hpo.runner.CurvePoint;
import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The batch and tokens axes of the built-in proxies: the batch changes the batch, the tokens the horizon. */
class ScaleAxesTest {
    static final long MAX = 1000;

    static Map<String, Object> mlp(Map<String, Object> schedule) {
        Map<String, Object> s = MlpProxyRunnerTest.spec("mup");
        s.put("schedule", schedule);
        return s;
    }

    static TrialSegment at(Map<String, Double> scale, long from, long to) {
        return new TrialSegment("ax", new Configuration(Map.of("lr", 3e-3)), scale, from, to, null, null, 5L);
    }

    static ProxyTrial build(Map<String, Object> spec, Map<String, List<Double>> scales, Map<String, Double> scale) {
        DjlProxyRunner r = (DjlProxyRunner) ProxyRunners.forSweep(spec, scales, MAX);
        try (NDManager m = NDManager.newBaseManager()) {
            return r.build(m, at(scale, 0, MAX));
        }
    }

    @Test
    void theTokensAxisSetsTheHorizonAndTheScheduleDecaysToIt() {
        Map<String, Object> spec = mlp(Map.of("kind", "cosine", "warmup_tokens", 640));
        Map<String, List<Double>> scales = Map.of("width", List.of(64.0), "tokens", List.of(6400.0, 12800.0), "batch", List.of(32.0, 64.0));
        // the MLP's token is an example: 12800 examples at batch 64 are 200 steps, at batch 32 400
        TrialHorizon h = build(spec, scales, Map.of("width", 64.0, "tokens", 12800.0, "batch", 64.0)).horizon();
        assertEquals(64, h.batch());
        assertEquals(200, h.steps());
        assertEquals(200, h.schedule().totalSteps());
        assertEquals(10, h.schedule().warmupSteps());
        assertEquals(0.0, h.schedule().factor(200), 1e-12);
        TrialHorizon small = build(spec, scales, Map.of("width", 64.0, "tokens", 12800.0, "batch", 32.0)).horizon();
        assertEquals(400, small.steps());
        assertEquals(20, small.schedule().warmupSteps(), "warmup in tokens: twice the steps at half the batch");
    }

    @Test
    void theBatchAxisChangesTheBatch() throws Exception {
        Map<String, Object> spec = MlpProxyRunnerTest.spec("mup");
        Map<String, List<Double>> scales = Map.of("width", List.of(64.0), "batch", List.of(16.0, 64.0));
        ProxyTrial t = build(spec, scales, Map.of("width", 64.0, "batch", 16.0));
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(16, t.task().trainBatch(m, 1, 0)[0].getShape().get(0));
        }
        TrialRunner r = ProxyRunners.forSweep(spec, scales, MAX);
        SegmentResult a = r.run(at(Map.of("width", 64.0, "batch", 16.0), 0, 50), TrialContext.cpu());
        SegmentResult b = r.run(at(Map.of("width", 64.0, "batch", 64.0), 0, 50), TrialContext.cpu());
        assertNotEquals(a.metrics().get("val_loss"), b.metrics().get("val_loss"));
    }

    @Test
    void withATokensAxisTheResourceIsAFractionOfTheHorizon() throws Exception {
        Map<String, Object> spec = mlp(Map.of("kind", "cosine", "warmup_steps", 5));
        Map<String, List<Double>> scales = Map.of("width", List.of(64.0), "tokens", List.of(6400.0, 12800.0));
        TrialRunner r = ProxyRunners.forSweep(spec, scales, MAX);
        // batch 64: 100 and 200 steps; eval every 50 steps
        SegmentResult short_ = r.run(at(Map.of("width", 64.0, "tokens", 6400.0), 0, MAX), TrialContext.cpu());
        SegmentResult long_ = r.run(at(Map.of("width", 64.0, "tokens", 12800.0), 0, MAX), TrialContext.cpu());
        assertEquals(List.of(500L, 1000L), short_.curve().stream().map(CurvePoint::resource).toList());
        assertEquals(List.of(250L, 500L, 750L, 1000L), long_.curve().stream().map(CurvePoint::resource).toList());
        assertTrue(long_.metrics().get("val_loss") < short_.metrics().get("val_loss"), "twice the tokens should help");
        // half the resource is half the horizon, and resuming there continues the same run
        SegmentResult half = r.run(at(Map.of("width", 64.0, "tokens", 12800.0), 500, MAX), TrialContext.cpu());
        assertEquals(long_.metrics(), half.metrics());
    }

    @Test
    void badAxesNameTheField() {
        Map<String, Object> wsd = mlp(Map.of("kind", "wsd", "warmup_steps", 150));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProxyRunners.checkSweep(wsd,
                Map.of("width", List.of(64.0), "tokens", List.of(6400.0, 12800.0))));
        assertEquals("proxy.schedule.warmup_steps: warmup of 150 steps is not shorter than the horizon of 100 steps "
                + "(scales.tokens 6400 at batch 64, 64 tokens per step)", e.getMessage());
        Map<String, Object> total = mlp(Map.of("kind", "wsd", "total_steps", 300));
        e = assertThrows(IllegalArgumentException.class, () -> ProxyRunners.checkSweep(total,
                Map.of("width", List.of(64.0), "tokens", List.of(6400.0))));
        assertTrue(e.getMessage().startsWith("proxy.schedule.total_steps: scales.tokens sets each scale point's horizon"), e.getMessage());
        Map<String, Object> steps = mlp(Map.of("kind", "wsd"));
        steps.put("resource_unit", "steps");
        e = assertThrows(IllegalArgumentException.class, () -> ProxyRunners.checkSweep(steps,
                Map.of("width", List.of(64.0), "tokens", List.of(6400.0))));
        assertTrue(e.getMessage().startsWith("proxy.resource_unit: 'steps' counts absolute steps"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProxyRunners.checkSweep(mlp(Map.of("kind", "wsd")),
                Map.of("width", List.of(64.0), "tokens", List.of(6400.0), "batch", List.of(12.5))));
        assertEquals("scales.batch: 12.5 is not a whole number of examples >= 1", e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProxyRunners.checkSweep(mlp(Map.of("kind", "wsd")),
                Map.of("width", List.of(64.0), "tokens", List.of(10.0))));
        assertTrue(e.getMessage().startsWith("scales.tokens: 10 tokens is less than one step at batch 64"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ProxyRunners.checkSweep(mlp(Map.of("kind", "cosine")),
                Map.of("width", List.of(64.0))));
        assertTrue(e.getMessage().startsWith("proxy.schedule.total_steps: a cosine schedule needs a horizon"), e.getMessage());
        ProxyRunners.checkSweep(mlp(Map.of("kind", "wsd", "warmup_steps", 50)), Map.of("width", List.of(64.0), "tokens", List.of(6400.0)));
    }

    @Test
    void theTransformerCountsTokensAsBatchTimesContext() {
        Map<String, Object> spec = TransformerProxyRunnerTest.spec();
        spec.put("schedule", new HashMap<>(Map.of("kind", "wsd", "warmup_tokens", 1280)));
        Map<String, List<Double>> scales = Map.of("width", List.of(32.0), "tokens", List.of(12800.0), "batch", List.of(4.0, 8.0));
        // context 16: batch 8 is 128 tokens a step, so 100 steps and 10 of warmup
        TrialHorizon h = build(spec, scales, Map.of("width", 32.0, "tokens", 12800.0, "batch", 8.0)).horizon();
        assertEquals(128, h.tokensPerStep());
        assertEquals(100, h.steps());
        assertEquals(10, h.schedule().warmupSteps());
    }

    @Test
    void aTrialsWarmupHyperparameterReplacesTheSpecs() {
        Map<String, Object> spec = mlp(Map.of("kind", "wsd", "warmup_steps", 5));
        DjlProxyRunner r = (DjlProxyRunner) ProxyRunners.forSweep(spec, Map.of("width", List.of(64.0), "tokens", List.of(12800.0)), MAX);
        TrialSegment seg = new TrialSegment("w", new Configuration(Map.of("lr", 3e-3, "warmup_fraction", 0.1)),
                Map.of("width", 64.0, "tokens", 12800.0), 0, MAX, null, null, 5L);
        try (NDManager m = NDManager.newBaseManager()) {
            assertEquals(20, r.build(m, seg).horizon().schedule().warmupSteps(), "a tenth of 200 steps");
        }
        TrialSegment both = new TrialSegment("w", new Configuration(Map.of("lr", 3e-3, "warmup_fraction", 0.1, "warmup_steps", 3.0)),
                Map.of("width", 64.0, "tokens", 12800.0), 0, MAX, null, null, 5L);
        try (NDManager m = NDManager.newBaseManager()) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> r.build(m, both));
            assertTrue(e.getMessage().contains("search one warmup"), e.getMessage());
        }
    }

    @Test
    void theParameterCountIsWhatTheModelsBuild() {
        for (Map<String, Object> spec : List.of(MlpProxyRunnerTest.spec("mup"), TransformerProxyRunnerTest.spec(), withSwiglu())) {
            DjlProxyRunner r = ProxyRunners.of(ProxySpec.parse(spec));
            Map<String, Double> scale = Map.of("width", 64.0, "depth", 3.0);
            try (NDManager m = NDManager.newBaseManager()) {
                long built = r.build(m, at(scale, 0, 1)).model().tensors().stream()
                        .filter(t -> !t.name().startsWith("embed.") && !t.name().equals("readout"))
                        .mapToLong(t -> t.array().size()).sum();
                assertEquals(built, ProxyRunners.parameterCount(spec, scale), spec.toString());
            }
        }
    }

    private static Map<String, Object> withSwiglu() {
        Map<String, Object> s = TransformerProxyRunnerTest.spec();
        s.put("activation", "swiglu");
        return s;
    }
}
