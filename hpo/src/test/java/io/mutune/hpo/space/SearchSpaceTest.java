package io.mutune.hpo.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SearchSpaceTest {
    static final String YAML = """
            lr: {float: [1.0e-4, 1.0e-1], log: true}
            depth: {int: [1, 8], step: 1}
            width: {int: [16, 1024], log: true}
            act: {categorical: [relu, gelu]}
            opt: {categorical: [adamw, sgd]}
            wd: {float: [0, 0.1], when: {opt: adamw}}
            momentum: {float: [0.5, 0.99], step: 0.01, when: {opt: sgd}}
            """;

    static Map<String, Object> yaml(String text) throws Exception {
        return new ObjectMapper(new YAMLFactory()).readValue(text, new TypeReference<Map<String, Object>>() { });
    }

    static SearchSpace space() throws Exception {
        return SearchSpace.fromSpec(yaml(YAML));
    }

    @Test
    void readsEveryKindInDeclaredOrder() throws Exception {
        SearchSpace s = space();
        assertEquals(java.util.List.of("lr", "depth", "width", "act", "opt", "wd", "momentum"), s.names());
        assertEquals(new FloatParameter("lr", 1e-4, 0.1, true, 0, null), s.parameter("lr"));
        assertEquals(new IntParameter("width", 16, 1024, true, 1, null), s.parameter("width"));
        assertEquals("adamw", s.parameter("wd").condition().values().get(0));
    }

    @Test
    void specRoundTripsThroughToSpec() throws Exception {
        SearchSpace s = space();
        assertEquals(s, SearchSpace.fromSpec(s.toSpec()));
        String yamlAgain = new ObjectMapper(new YAMLFactory()).writeValueAsString(s.toSpec());
        assertEquals(s, SearchSpace.fromSpec(yaml(yamlAgain)));
        assertEquals(s, SearchSpace.fromJson(new ObjectMapper().writeValueAsString(s.toSpec())));
    }

    @Test
    void malformedJsonIsASpecErrorThatShowsTheForm() {
        SpaceSpecException e = assertThrows(SpaceSpecException.class, () -> SearchSpace.fromJson("{\"lr\": {\"float\": [1e-4,"));
        assertTrue(e.getMessage().startsWith("search.space: is not a JSON object"), e.getMessage());
        assertTrue(e.getMessage().contains("expected {\"lr\""), e.getMessage());
    }

    @Test
    void encodeDecodeRoundTripsOnSamples() throws Exception {
        SearchSpace s = space();
        SplittableRandom r = new SplittableRandom(7);
        for (int i = 0; i < 500; i++) {
            Configuration c = s.sample(r);
            double[] u = s.encode(c);
            assertEquals(c, s.decode(u), "round trip of " + c);
            assertEquals(c, Configuration.fromJson(c.toJson()));
            for (double x : u) {
                assertTrue(Double.isNaN(x) || (x >= 0 && x <= 1), "coordinate " + x);
            }
        }
    }

    @Test
    void conditionalParametersAppearOnlyUnderTheirParent() throws Exception {
        SearchSpace s = space();
        SplittableRandom r = new SplittableRandom(3);
        int adamw = 0;
        int sgd = 0;
        for (int i = 0; i < 200; i++) {
            Configuration c = s.sample(r);
            boolean isAdamw = "adamw".equals(c.get("opt"));
            assertEquals(isAdamw, c.has("wd"), c.toString());
            assertEquals(!isAdamw, c.has("momentum"), c.toString());
            adamw += isAdamw ? 1 : 0;
            sgd += isAdamw ? 0 : 1;
        }
        assertTrue(adamw > 50 && sgd > 50, adamw + " / " + sgd);
        Configuration bad = new Configuration(Map.of("lr", 0.01, "depth", 2L, "width", 64L, "act", "relu", "opt", "sgd",
                "momentum", 0.9, "wd", 0.01));
        assertThrows(IllegalArgumentException.class, () -> s.validate(bad));
    }

    @Test
    void logAndIntEncodingKeepCells() {
        FloatParameter lr = new FloatParameter("lr", 1e-4, 1e-1, true, 0, null);
        assertEquals(0.5, lr.encode(Math.sqrt(1e-4 * 1e-1)), 1e-12);
        IntParameter depth = new IntParameter("depth", 1, 8, false, 1, null);
        for (long v = 1; v <= 8; v++) {
            assertEquals(v, depth.decode(depth.encode(v)));
        }
        assertEquals(1L, depth.decode(0.0));
        assertEquals(8L, depth.decode(1.0));
        IntParameter even = new IntParameter("n", 2, 10, false, 2, null);
        assertEquals(5, even.cardinality());
        assertThrows(IllegalArgumentException.class, () -> even.encode(3L));
    }

    @Test
    void invertedBoundsNameTheParameterAndTheForm() throws Exception {
        SpaceSpecException e = assertThrows(SpaceSpecException.class,
                () -> SearchSpace.fromSpec(yaml("lr: {float: [0.1, 1.0e-3], log: true}")));
        assertEquals("search.space.lr: bounds are inverted (0.1 > 0.001); expected {float: [low, high]} with low <= high,"
                + " optional log: true (low > 0) or step: s > 0", e.getMessage());
    }

    @Test
    void logRangeTouchingZeroIsAnError() {
        SpaceSpecException e = assertThrows(SpaceSpecException.class,
                () -> SearchSpace.fromSpec(yaml("wd: {float: [0, 0.1], log: true}")));
        assertTrue(e.getMessage().startsWith("search.space.wd: a log range must stay above 0, got low = 0.0"), e.getMessage());
        SpaceSpecException ei = assertThrows(SpaceSpecException.class,
                () -> SearchSpace.fromSpec(yaml("n: {int: [0, 8], log: true}")));
        assertTrue(ei.getMessage().startsWith("search.space.n: a log range must stay above 0"), ei.getMessage());
    }

    @Test
    void unknownParentIsAnError() {
        SpaceSpecException e = assertThrows(SpaceSpecException.class,
                () -> SearchSpace.fromSpec(yaml("wd: {float: [0, 0.1], when: {optimizer: adamw}}")));
        assertTrue(e.getMessage().startsWith("search.space.wd: unknown parent 'optimizer'"), e.getMessage());
    }

    @Test
    void malformedEntriesAreErrors() {
        assertMessageStarts("x: {float: [1]}", "search.space.x: bounds are [1], not a list of two numbers");
        assertMessageStarts("x: {flaot: [1, 2]}", "search.space.x: unknown key 'flaot'");
        assertMessageStarts("x: {float: [1, 2], int: [1, 2]}", "search.space.x: needs exactly one of");
        assertMessageStarts("x: {categorical: []}", "search.space.x: has no choices");
        assertMessageStarts("x: {categorical: [a, a]}", "search.space.x: choice a is repeated");
        assertMessageStarts("x: {int: [1.5, 3]}", "search.space.x: bounds must be integers");
        assertMessageStarts("x: 3", "search.space.x: is 3, not a map");
        assertMessageStarts("o: {categorical: [a, b]}\nx: {float: [0, 1], when: {o: c}}", "search.space.x: parent 'o' can never be c");
        assertMessageStarts("a: {categorical: [x], when: {b: y}}\nb: {categorical: [y], when: {a: x}}", "search.space.");
    }

    @Test
    void yamlExponentWithoutDotStillReadsAsANumber() throws Exception {
        SearchSpace s = SearchSpace.fromSpec(yaml("lr: {float: [1e-4, 1e-1], log: true}"));
        assertEquals(1e-4, ((FloatParameter) s.parameter("lr")).low());
    }

    @Test
    void spaceIsSerializable() throws Exception {
        SearchSpace s = space();
        var bytes = new java.io.ByteArrayOutputStream();
        try (var out = new java.io.ObjectOutputStream(bytes)) {
            out.writeObject(s);
        }
        try (var in = new java.io.ObjectInputStream(new java.io.ByteArrayInputStream(bytes.toByteArray()))) {
            assertEquals(s, in.readObject());
        }
        assertFalse(s.toSpec().isEmpty());
    }

    private static void assertMessageStarts(String spec, String prefix) {
        SpaceSpecException e = assertThrows(SpaceSpecException.class, () -> SearchSpace.fromSpec(yaml(spec)));
        assertTrue(e.getMessage().startsWith(prefix), e.getMessage());
    }
}
