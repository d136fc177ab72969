package io.mutune.transfer.coordcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.proxy.ProxyRunners;
import io.mutune.transfer.proxy.ProxySpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The coordinate-check criteria of issue 5, on the MLP proxy, widths 64 to 1024, Adam lr 0.01.
 * The MLP uses tanh here: with ReLU, SP's first oversized step kills most hidden units at the
 * large widths, so SP's output at t = 3 falls back instead of growing (muP passes either way,
 * see {@link #mupAlsoPassesWithRelu}).
 */
class CoordinateCheckTest {
    static final List<Integer> WIDTHS = List.of(64, 128, 256, 512, 1024);
    static final int STEPS = 4; // t = 3 is the forward pass after three updates
    static final Configuration CONFIG = new Configuration(Map.of("lr", 0.01));

    static CoordinateCheckResult check(Object parametrization) {
        return check(parametrization, "tanh");
    }

    static CoordinateCheckResult check(Object parametrization, String activation) {
        Map<String, Object> s = new HashMap<>();
        s.put("model", "mlp");
        s.put("parametrization", parametrization);
        s.put("optimizer", "adamw");
        s.put("base", Map.of("width", 64, "depth", 2));
        s.put("data", Map.of("kind", "teacher", "seed", 3));
        s.put("activation", activation);
        CoordinateCheckResult r = new CoordinateCheck(ProxyRunners.of(ProxySpec.parse(s)), CONFIG).run(WIDTHS, STEPS, 2);
        System.out.println("coordinate check, " + parametrization + ":\n" + r.table());
        return r;
    }

    @Test
    void underMupEveryLayerStaysWithinTwofoldFrom64To1024(@TempDir Path dir) throws Exception {
        CoordinateCheckResult r = check("mup");
        for (String layer : r.layers()) {
            assertTrue(r.spread(layer, 3) <= 2.0, layer + " spread " + r.spread(layer, 3) + " at t=3\n" + r.table());
        }
        Path png = dir.resolve("mup.png");
        CoordinateCheckPlot.write(r, "muP", png);
        java.awt.image.BufferedImage img = javax.imageio.ImageIO.read(png.toFile());
        assertEquals(r.steps() * io.mutune.transfer.chart.FigurePng.WIDTH, img.getWidth(), "one panel per step");
    }

    @Test
    void mupAlsoPassesWithRelu() {
        CoordinateCheckResult r = check("mup", "relu");
        for (String layer : r.layers()) {
            assertTrue(r.spread(layer, 3) <= 2.0, layer + " spread " + r.spread(layer, 3) + " at t=3\n" + r.table());
        }
    }

    @Test
    void mupWithSgdStaysWithinTwofold() {
        // MuSGD's rules: vector-like tensors (input, output, biases) take learning rate lr·m.
        Map<String, Object> s = new HashMap<>();
        s.put("model", "mlp");
        s.put("parametrization", "mup");
        s.put("optimizer", "sgd");
        s.put("base", Map.of("width", 64, "depth", 2));
        s.put("data", Map.of("kind", "teacher", "seed", 3));
        s.put("activation", "tanh");
        CoordinateCheckResult r = new CoordinateCheck(ProxyRunners.of(ProxySpec.parse(s)),
                new Configuration(Map.of("lr", 0.1))).run(List.of(64, 256, 1024), STEPS, 2);
        for (String layer : r.layers()) {
            assertTrue(r.spread(layer, 3) <= 2.0, layer + " spread " + r.spread(layer, 3) + " at t=3\n" + r.table());
        }
    }

    @Test
    void underSpTheOutputGrowsAtLeastFourfold() {
        CoordinateCheckResult r = check("sp");
        double growth = r.value("output", 1024, 3) / r.value("output", 64, 3);
        assertTrue(growth >= 4.0, "SP output grew only " + growth + "x\n" + r.table());
    }

    @Test
    void aBrokenMupRuleIsCaught() {
        // muP with the hidden layers' Adam learning rate left at SP's (exponent 0 instead of -1).
        Map<String, Object> broken = Map.of("name", "broken-mup", "extends", "mup",
                "adam", Map.of("hidden", Map.of("init", -0.5, "lr", 0.0)));
        CoordinateCheckResult r = check(broken);
        double worst = r.layers().stream().mapToDouble(l -> r.spread(l, 3)).max().orElseThrow();
        assertTrue(worst > 2.0, "the broken rule passed the check (worst spread " + worst + ")\n" + r.table());
    }

    static void assertFlat(CoordinateCheckResult r) {
        for (String layer : r.layers()) {
            assertTrue(r.spread(layer, 3) <= 2.0, layer + " spread " + r.spread(layer, 3) + " at t=3\n" + r.table());
        }
    }

    @Test
    void mupStaysWithinTwofoldWithGelu() {
        assertFlat(check("mup", "gelu"));
    }

    @Test
    void mupStaysWithinTwofoldWithSwiglu() {
        // the gates take their layers' rules: a gate left at SP's rate would show here as growth
        assertFlat(check("mup", "swiglu"));
    }

    @Test
    void underSpTheSwigluOutputGrows() {
        CoordinateCheckResult r = check("sp", "swiglu");
        double growth = r.value("output", 1024, 3) / r.value("output", 64, 3);
        assertTrue(growth >= 4.0, "SP SwiGLU output grew only " + growth + "x\n" + r.table());
    }

    @Test
    void aSwigluGateWithTheWrongRuleIsCaught() {
        // muP whose hidden Adam rate is SP's: gates and values both move too fast at width
        Map<String, Object> broken = Map.of("name", "broken-mup", "extends", "mup",
                "adam", Map.of("hidden", Map.of("init", -0.5, "lr", 0.0)));
        CoordinateCheckResult r = check(broken, "swiglu");
        double worst = r.layers().stream().mapToDouble(l -> r.spread(l, 3)).max().orElseThrow();
        assertTrue(worst > 2.0, "the broken rule passed the check (worst spread " + worst + ")\n" + r.table());
    }

    static CoordinateCheckResult transformer(String parametrization, String activation) {
        Map<String, Object> s = new HashMap<>();
        s.put("model", "transformer");
        s.put("parametrization", parametrization);
        s.put("optimizer", "adamw");
        s.put("base", Map.of("width", 32, "depth", 2, "heads", 2));
        s.put("data", Map.of("kind", "synthetic-lm", "seed", 3, "states", 8));
        s.put("context", 16);
        s.put("vocab", 32);
        s.put("batch_size", 8);
        s.put("activation", activation);
        CoordinateCheckResult r = new CoordinateCheck(ProxyRunners.of(ProxySpec.parse(s)), CONFIG).run(List.of(32, 64, 128, 256), STEPS, 2);
        System.out.println("transformer coordinate check, " + parametrization + " " + activation + ":\n" + r.table());
        return r;
    }

    @Test
    void theSwigluTransformerStaysWithinTwofoldUnderMup() {
        assertFlat(transformer("mup", "swiglu"));
    }

    @Test
    void underSpTheSwigluTransformerStreamGrowsWithWidth() {
        // muP keeps every block within 1.1x from width 32 to 256 here; SP's oversized updates do not
        CoordinateCheckResult sp = transformer("sp", "swiglu");
        double worst = sp.layers().stream().filter(l -> l.startsWith("block")).mapToDouble(l -> sp.spread(l, 3)).max().orElseThrow();
        assertTrue(worst >= 1.7, "SP SwiGLU transformer blocks spread only " + worst + "x\n" + sp.table());
    }
}
