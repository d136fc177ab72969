package io.mutune.connectors.launch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.mutune.connectors.jdbc.PostgresTables;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.connectors.recommend.Recs;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The launcher's read path, on a real PostgreSQL table (the engine does not matter to the reader). */
class RecommendationReaderTest {

    /** lr = 0.32 * width^-0.5: 0.01 at width 1024, 0.005 at 4096. */
    private static RecommendationRow lr(double width, String sweep, Map<String, Double> coefficients) {
        double value = Math.exp(coefficients.get("intercept")) * Math.pow(width, coefficients.getOrDefault("width", 0.0));
        return new RecommendationRow("gpt", "mup", "adamw", Map.of("width", width), "lr", value, value / 2, value * 2,
                "power-law", coefficients, "{}", 40, 4, 0.95, 0.04, "fitted", sweep, 0, Instant.EPOCH);
    }

    private static final Map<String, Double> LR_RULE = Map.of("intercept", Math.log(0.32), "width", -0.5);

    private static RecommendationTable table() {
        RecommendationTable t = PostgresTables.newRecommendationTable();
        t.publish("nightly-1", List.of(lr(1024, "nightly-1", LR_RULE),
                new RecommendationRow("gpt", "mup", "adamw", Map.of("width", 1024.0), "init_std", 0.02, 0.01, 0.04, "constant",
                        Map.of("intercept", Math.log(0.02)), "{}", 40, 4, 0.9, null, "transfer_holds", "nightly-1", 0, Instant.EPOCH)));
        return t;
    }

    @Test
    void anExactTargetIsReturnedAsPublished() {
        LauncherConfig c = RecommendationReader.current(table()).read(new TargetQuery("gpt", null, null, Map.of("width", 1024.0)));
        LauncherValue lr = c.get("lr");
        assertEquals(0.01, lr.value(), 1e-12);
        assertEquals(LauncherValue.PUBLISHED, lr.source());
        assertEquals("nightly-1", lr.sweepId());
        assertEquals(1, lr.version());
        assertEquals("fitted", lr.verdict());
        assertNull(lr.note());
        assertEquals(2, c.values().size());
    }

    @Test
    void anUnpublishedTargetIsComputedByTheStoredRuleAndSaysSo() throws Exception {
        LauncherConfig c = RecommendationReader.current(table()).read(new TargetQuery("gpt", "mup", "adamw", Map.of("width", 4096.0)));
        LauncherValue lr = c.get("lr");
        assertEquals(0.005, lr.value(), 1e-12);
        assertEquals(0.0025, lr.lower(), 1e-12);
        assertEquals(0.01, lr.upper(), 1e-12);
        assertEquals(LauncherValue.RULE, lr.source());
        assertTrue(lr.note().contains("not published"), lr.note());
        assertEquals(0.02, c.get("init_std").value(), 1e-12, "a constant rule transfers unchanged");

        JsonNode json = new ObjectMapper().readTree(c.toJson());
        JsonNode lrJson = json.path("hyperparameters").path("lr");
        assertEquals(0.005, lrJson.path("value").asDouble(), 1e-12);
        assertEquals("rule", lrJson.path("source").asText());
        assertEquals("nightly-1", lrJson.path("provenance").path("sweep_id").asText());
        assertEquals("fitted", lrJson.path("provenance").path("verdict").asText());
        assertEquals(-0.5, lrJson.path("provenance").path("rule").path("coefficients").path("width").asDouble());
        assertEquals(2, lrJson.path("interval").size());
        assertEquals(4096.0, json.path("target").path("width").asDouble());
    }

    @Test
    void aPinnedVersionReadsWhatWasPublishedThen() {
        RecommendationTable t = table();
        t.publish("nightly-2", List.of(lr(1024, "nightly-2", Map.of("intercept", Math.log(0.64), "width", -0.5))));
        TargetQuery q = new TargetQuery("gpt", null, null, Map.of("width", 1024.0));
        assertEquals(0.02, RecommendationReader.current(t).read(q).get("lr").value(), 1e-12);
        assertEquals(0.01, RecommendationReader.asOfVersion(t, 1).read(q).get("lr").value(), 1e-12);
        assertEquals(0.01, RecommendationReader.asOfSweep(t, "nightly-1").read(q).get("lr").value(), 1e-12);
    }

    @Test
    void missingAxesUnknownFamiliesAndBadScalesAreNamed() {
        RecommendationTable t = PostgresTables.newRecommendationTable();
        t.publish("s", List.of(lr(1024, "s", Map.of("intercept", Math.log(0.32), "width", -0.5, "depth", -1.0))));
        RecommendationReader reader = RecommendationReader.current(t);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> reader.read(new TargetQuery("gpt", null, null, Map.of("width", 4096.0))));
        assertTrue(e.getMessage().contains("--depth"), e.getMessage());
        assertEquals(0.32 / 64 / 8, reader.read(new TargetQuery("gpt", null, null, Map.of("width", 4096.0, "depth", 8.0))).get("lr").value(), 1e-12);
        e = assertThrows(IllegalArgumentException.class, () -> reader.read(new TargetQuery("llama", null, null, Map.of("width", 1.0))));
        assertTrue(e.getMessage().contains("llama") && e.getMessage().contains("gpt"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new TargetQuery("gpt", null, null, Map.of("width", -5.0)));
        assertTrue(e.getMessage().contains("-5.0"), e.getMessage());
    }

    /**
     * The JSON a launcher reads carries how sure each value is; a rule evaluated at another target
     * keeps the noise, confidence and sensitivity of its row but not that row's predicted loss or
     * validation, which are about the published target.
     */
    @Test
    void theJsonCarriesNoiseConfidencePredictedLossSensitivityAndValidation() throws Exception {
        RecommendationTable t = PostgresTables.newRecommendationTable();
        RecommendationRow measured = Recs.measured("lr", 1024, 0.01, "nightly-1");
        t.publish("nightly-1", List.of(measured, Recs.row("init_std", 1024, 0.02, "nightly-1")));

        JsonNode exact = new ObjectMapper().readTree(RecommendationReader.current(t)
                .read(new TargetQuery("mlp", null, null, Map.of("width", 1024.0))).toJson()).path("hyperparameters");
        JsonNode lr = exact.path("lr");
        assertEquals(0.047, lr.path("provenance").path("noise").path("relative_sd").asDouble());
        assertEquals(List.of(0.031, 0.09), List.of(lr.path("provenance").path("noise").path("interval").get(0).asDouble(),
                lr.path("provenance").path("noise").path("interval").get(1).asDouble()));
        assertEquals(14, lr.path("provenance").path("noise").path("degrees_of_freedom").asInt());
        assertEquals(0.93, lr.path("provenance").path("verdict_confidence").asDouble());
        assertEquals(0.41, lr.path("provenance").path("fit_p_value").asDouble());
        assertEquals("every width exponent's interval holds 0", lr.path("provenance").path("verdict_reason").asText());
        assertEquals(0.512, lr.path("predicted_loss").path("value").asDouble());
        assertEquals(0.531, lr.path("predicted_loss").path("interval").get(1).asDouble());
        assertEquals(0.012, lr.path("sensitivity").path("half").asDouble());
        assertEquals(0.034, lr.path("sensitivity").path("double").asDouble());
        assertEquals(0.018, lr.path("validation").path("gap").asDouble());
        assertEquals(0.5, lr.path("validation").path("lr_ratio").asDouble());
        assertEquals(3, lr.path("validation").path("seeds").asInt());
        assertEquals("width=2048", lr.path("validation").path("at").asText());
        assertEquals("validate-1", lr.path("validation").path("sweep_id").asText());
        JsonNode bare = exact.path("init_std");
        for (String absent : List.of("predicted_loss", "sensitivity", "validation")) {
            assertTrue(bare.path(absent).isMissingNode(), absent + " of a row without it: " + bare);
        }
        assertTrue(bare.path("provenance").path("noise").isMissingNode(), bare.toString());

        JsonNode ruled = new ObjectMapper().readTree(RecommendationReader.current(t)
                .read(new TargetQuery("mlp", null, null, Map.of("width", 4096.0))).toJson()).path("hyperparameters").path("lr");
        assertEquals("rule", ruled.path("source").asText());
        assertEquals(0.047, ruled.path("provenance").path("noise").path("relative_sd").asDouble());
        assertEquals(0.034, ruled.path("sensitivity").path("double").asDouble());
        assertTrue(ruled.path("predicted_loss").isMissingNode() && ruled.path("validation").isMissingNode(), ruled.toString());
        assertTrue(ruled.path("note").asText().contains("predicted loss and validation"), ruled.toString());
    }

    @Test
    void aMissingTableIsAnErrorThatSaysSoAndTheReadCreatesNothing() {
        RecommendationTable t = PostgresTables.newRecommendationTable();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecommendationReader.current(t));
        assertTrue(e.getMessage().startsWith("no table at " + t.location()), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> RecommendationReader.asOfVersion(t, 1));
        assertFalse(t.exists(), "a launcher's read must not create the table");
    }

    @Test
    void aRowThatIsNotANumberIsRefusedNotServed() throws Exception {
        RecommendationTable t = table();
        // What an older mutune (or a hand-written INSERT) could leave in the table.
        PostgresTables.sql(t, "UPDATE \"" + PostgresTables.name(t) + "\" SET value = 'NaN' WHERE hyperparameter = 'lr'");
        TargetQuery q = new TargetQuery("gpt", null, null, Map.of("width", 1024.0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RecommendationReader.current(t).read(q));
        assertTrue(e.getMessage().contains("lr for {width=1024.0}") && e.getMessage().contains("is NaN") && e.getMessage().contains("refusing to serve it"),
                e.getMessage());
        IllegalArgumentException byRule = assertThrows(IllegalArgumentException.class,
                () -> RecommendationReader.current(t).read(new TargetQuery("gpt", null, null, Map.of("width", 4096.0))));
        assertTrue(byRule.getMessage().contains("not a number"), byRule.getMessage());
    }
}
