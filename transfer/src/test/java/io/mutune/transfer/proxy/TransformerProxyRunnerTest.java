package io.mutune.transfer.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.data.HmmLanguage;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TransformerProxyRunnerTest {

    static Map<String, Object> spec() {
        Map<String, Object> s = new HashMap<>();
        s.put("model", "transformer");
        s.put("parametrization", "mup");
        s.put("optimizer", "adamw");
        s.put("base", Map.of("width", 32, "depth", 1, "heads", 2));
        s.put("data", Map.of("kind", "synthetic-lm", "seed", 3, "states", 8));
        s.put("context", 16);
        s.put("vocab", 32);
        s.put("batch_size", 8);
        s.put("eval_every", 20);
        s.put("validation_size", 32);
        return s;
    }

    static TrialSegment seg(int width, long from, long to, String resume, String save) {
        return new TrialSegment("lm", new Configuration(Map.of("lr", 1e-2)), Map.of("width", (double) width),
                from, to, resume, save, 4L);
    }

    @Test
    void learnsTheLanguageAndIsDeterministic() throws Exception {
        TrialRunner r = ProxyRunners.fromSpec(spec());
        SegmentResult a = r.run(seg(64, 0, 60, null, null), TrialContext.cpu());
        SegmentResult b = r.run(seg(64, 0, 60, null, null), TrialContext.cpu());
        assertEquals(a.metrics(), b.metrics());
        double first = a.curve().get(0).metrics().get("val_loss");
        double last = a.metrics().get("val_loss");
        assertTrue(last < first, "val loss should fall: " + a.curve());
        // Uniform guessing costs ln(32) = 3.47 nats; the model must beat it.
        assertTrue(last < Math.log(32) - 0.3, "val loss " + last);
    }

    @Test
    void resumesBitForBit(@TempDir Path dir) throws Exception {
        TrialRunner r = ProxyRunners.fromSpec(spec());
        String half = "file:" + dir.resolve("half.ckpt");
        SegmentResult straight = r.run(seg(32, 0, 40, null, null), TrialContext.cpu());
        r.run(seg(32, 0, 20, null, half), TrialContext.cpu());
        SegmentResult resumed = r.run(seg(32, 20, 40, half, null), TrialContext.cpu());
        assertEquals(straight.metrics(), resumed.metrics());
    }

    @Test
    void theLanguageHasAKnownFloorBelowUniform() {
        HmmLanguage lang = new HmmLanguage(32, 8, 3, 4, 3);
        double floor = lang.optimalLoss(lang.validation(64, 17));
        assertTrue(floor > 0.3 && floor < Math.log(32) - 1, "floor " + floor);
        int[][] a = lang.sequences(1, 5, 2, 10);
        int[][] b = lang.sequences(1, 5, 2, 10);
        assertEquals(java.util.Arrays.deepToString(a), java.util.Arrays.deepToString(b));
    }

    @Test
    void resourceCanBeCountedInTokens() throws Exception {
        Map<String, Object> s = spec();
        s.put("resource_unit", "tokens");
        TrialRunner r = ProxyRunners.fromSpec(s);
        long tokensPerStep = 8 * 16;
        SegmentResult res = r.run(new TrialSegment("tok", new Configuration(Map.of("lr", 1e-2)), Map.of("width", 32.0),
                0, 40 * tokensPerStep, null, null, 4L), TrialContext.cpu());
        assertEquals(2, res.curve().size());
        assertEquals(20 * tokensPerStep, res.curve().get(0).resource());
        assertEquals(40 * tokensPerStep, res.resource());
        // the same training as 40 steps counted in steps
        SegmentResult steps = ProxyRunners.fromSpec(spec()).run(new TrialSegment("tok", new Configuration(Map.of("lr", 1e-2)),
                Map.of("width", 32.0), 0, 40, null, null, 4L), TrialContext.cpu());
        assertEquals(steps.metrics(), res.metrics());
        Map<String, Object> mlp = MlpProxyRunnerTest.spec("mup");
        mlp.put("resource_unit", "tokens");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProxyRunners.fromSpec(mlp));
        assertTrue(e.getMessage().startsWith("proxy.resource_unit"), e.getMessage());
    }

    @Test
    void headsMustDivideTheBaseWidth() {
        Map<String, Object> s = spec();
        s.put("base", Map.of("width", 30, "depth", 1, "heads", 4));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProxyRunners.fromSpec(s));
        assertTrue(e.getMessage().startsWith("proxy.base.heads"), e.getMessage());
    }

    @Test
    void aSwigluTransformerLearnsTheLanguage() throws Exception {
        Map<String, Object> s = spec();
        s.put("activation", "swiglu");
        SegmentResult r = ProxyRunners.fromSpec(s).run(seg(64, 0, 60, null, null), TrialContext.cpu());
        assertTrue(r.metrics().get("val_loss") < Math.log(32) - 0.3, "val loss " + r.metrics());
        s.put("activation", "relu");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProxyRunners.fromSpec(s));
        assertEquals("proxy.activation: unknown 'relu'; expected one of [gelu, swiglu]", e.getMessage());
    }
}
