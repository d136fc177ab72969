package io.mutune.jobs.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SweepSpecParserTest {
    static final String VALID = """
            sweep: quick
            seed: 17
            proxy: {model: mlp, parametrization: mup, optimizer: adamw, base: {width: 64, depth: 2}}
            scales: {width: [64, 128, 256]}
            search:
              algorithm: random
              metric: val_loss
              space: {lr: {float: [1.0e-4, 1.0e-1], log: true}}
              resource: {name: steps, max: 300}
              trials_per_scale: 5
            targets: [{width: 4096}]
            output: {trials: "delta:/tmp/t", recommendations: "delta:/tmp/r"}
            """;

    @Test
    void parsesTheQuickstartExample() {
        SweepSpec spec = SweepSpecParser.parse(Path.of("..", "examples", "quickstart.yaml").toAbsolutePath().normalize());
        assertEquals("quickstart", spec.sweep());
        assertEquals(List.of(64.0, 128.0, 256.0), spec.scales().get("width"));
        assertEquals(List.of(Map.of("width", 4096.0)), spec.targets());
        assertEquals("mup", spec.parametrization());
        assertEquals(3, spec.scalePoints().size());
    }

    @Test
    void yamlAndJsonGiveTheSameSpec() throws Exception {
        String json = """
                {"sweep": "quick", "seed": 17,
                 "proxy": {"model": "mlp", "parametrization": "mup", "optimizer": "adamw", "base": {"width": 64, "depth": 2}},
                 "scales": {"width": [64, 128, 256]},
                 "search": {"algorithm": "random", "metric": "val_loss",
                            "space": {"lr": {"float": [1.0e-4, 1.0e-1], "log": true}},
                            "resource": {"name": "steps", "max": 300}, "trials_per_scale": 5},
                 "targets": [{"width": 4096}],
                 "output": {"trials": "delta:/tmp/t", "recommendations": "delta:/tmp/r"}}
                """;
        Path f = Files.createTempFile("spec", ".json");
        Files.writeString(f, json);
        assertEquals(SweepSpecParser.parse(VALID), SweepSpecParser.parse(f));
    }

    @Test
    void scalePointsAreTheProductOfTheAxes() {
        SweepSpec spec = SweepSpecParser.parse(VALID.replace("scales: {width: [64, 128, 256]}", "scales: {width: [64, 128], depth: [2, 4]}")
                .replace("targets: [{width: 4096}]", "targets: [{width: 4096, depth: 32}]"));
        assertEquals(List.of(Map.of("width", 64.0, "depth", 2.0), Map.of("width", 64.0, "depth", 4.0),
                Map.of("width", 128.0, "depth", 2.0), Map.of("width", 128.0, "depth", 4.0)), spec.scalePoints());
        assertEquals("w128-d4", SweepSpec.scaleKey(spec.scalePoints().get(3)));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "missing seed            | 'seed: 17'                        | ''                                   | seed       | is missing; expected an integer",
        "seed not an integer     | 'seed: 17'                        | 'seed: seventeen'                    | seed       | expected an integer, got 'seventeen'",
        "unknown top-level field | 'seed: 17'                        | 'seed: 17\\nsede: 3'                  | sede       | unknown field",
        "negative width          | 'width: [64, 128, 256]'           | 'width: [64, -128, 256]'             | scales.width[1] | expected a positive number, got -128",
        "width not a list        | 'width: [64, 128, 256]'           | 'width: 64'                          | scales.width | expected a non-empty list",
        "unknown axis            | 'scales: {width'                  | 'scales: {heads'                     | scales.heads | unknown field",
        "unknown algorithm       | 'algorithm: random'               | 'algorithm: simulated-annealing'     | search.algorithm | unknown value 'simulated-annealing'",
        "bad mode                | 'metric: val_loss'                | 'metric: val_loss\\n  mode: lowest'   | search.mode | unknown value 'lowest'",
        "zero trials             | 'trials_per_scale: 5'             | 'trials_per_scale: 0'                | search.trials_per_scale | expected a positive integer, got 0",
        "min above max           | 'resource: {name: steps, max: 300}' | 'resource: {name: steps, min: 400, max: 300}' | search.resource.min | is above max",
        "eta not above one       | 'resource: {name: steps, max: 300}' | 'resource: {name: steps, max: 300, eta: 1}'   | search.resource.eta | expected a reduction factor above 1",
        "unknown model           | 'model: mlp'                      | 'model: resnet'                      | proxy.model | unknown value 'resnet'",
        "no targets              | 'targets: [{width: 4096}]'        | 'targets: []'                        | targets    | expected at least one target scale",
        "target misses an axis   | 'targets: [{width: 4096}]'        | 'targets: [{depth: 48}]'             | 'targets[0]' | has no 'width'",
        "table without format    | 'trials: \"delta:/tmp/t\"'        | 'trials: \"/tmp/t\"'                 | output.trials | is not a table",
        "bad sweep name          | 'sweep: quick'                    | 'sweep: \"drop table; --\"'          | sweep      | is not a valid sweep name",
        "fractional gpus above 1 | 'output:'                         | 'resources: {gpus_per_trial: 1.5}\\noutput:' | resources.gpus_per_trial | expected 0, a fraction",
        "negative queue_ahead    | 'output:'                         | 'resources: {queue_ahead: -1}\\noutput:' | resources.queue_ahead | expected an integer from 0 to 64",
        "zero weight             | 'output:'                         | 'resources: {weight: 0}\\noutput:' | resources.weight | expected a whole number from 1 to 1000",
        "pool name with a space  | 'output:'                         | 'resources: {pool: \"my pool\"}\\noutput:' | resources.pool | expected a FAIR pool name",
        "zero replicates         | 'trials_per_scale: 5'             | 'trials_per_scale: 5\\n  replicates: 0' | search.replicates | expected an integer from 1 to 64",
        "top_k above trials      | 'trials_per_scale: 5'             | 'trials_per_scale: 5\\n  confirm: {top_k: 6, seeds: 3}' | search.confirm.top_k | 6 is more than trials_per_scale (5)",
        "negative confirm seeds  | 'trials_per_scale: 5'             | 'trials_per_scale: 5\\n  confirm: {top_k: 2, seeds: -1}' | search.confirm.seeds | expected an integer from 1 to 64",
        "unknown confirm field   | 'trials_per_scale: 5'             | 'trials_per_scale: 5\\n  confirm: {top: 2}' | search.confirm.top | unknown field",
        "validate bracket below 1 | 'output:'                        | 'validate: {target: {width: 2048}, bracket: 0.5}\\noutput:' | validate.bracket | expected a factor above 1",
        "validate target misses  | 'output:'                         | 'validate: {target: {depth: 4}}\\noutput:' | validate.target | has no 'width'",
        "validate zero seeds     | 'output:'                         | 'validate: {target: {width: 2048}, seeds: 0}\\noutput:' | validate.seeds | expected an integer from 1 to 64",
        "fixed with log          | 'lr: {float: [1.0e-4, 1.0e-1], log: true}' | 'lr: {fixed: 0.01, log: true}' | search.space.lr | log and step do not apply to a fixed value",
    })
    void malformedSpecsNameTheFieldAndTheExpectedForm(String what, String replace, String with, String field, String expected) {
        String bad = VALID.replace(replace, with.replace("\\n", "\n"));
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(bad), what);
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.getMessage().contains(expected), "message '" + e.getMessage() + "' should contain '" + expected + "'");
    }

    @Test
    void replicatesConfirmationAndFixedValuesAreRead() {
        SweepSpec spec = SweepSpecParser.parse(VALID.replace("trials_per_scale: 5", "trials_per_scale: 5\n  replicates: 2\n  confirm: {top_k: 3, seeds: 4}")
                .replace("space: {lr: {float: [1.0e-4, 1.0e-1], log: true}}", "space: {lr: {float: [1.0e-4, 1.0e-1], log: true}, wd: {fixed: 0.1}}"));
        assertEquals(2, spec.search().replicates());
        assertEquals(3, spec.search().confirmTopK());
        assertEquals(4, spec.search().confirmSeeds());
        io.mutune.hpo.space.SearchSpace space = io.mutune.hpo.space.SearchSpace.fromSpec(spec.search().space());
        assertEquals(List.of("lr"), space.searchedNames());
        assertEquals(Map.of("wd", 0.1), space.fixedValues());
        SweepSpec validated = SweepSpecParser.parse(VALID.replace("output:", "validate: {target: {width: 2048}, seeds: 2}\noutput:"));
        assertEquals(Map.of("width", 2048.0), validated.validate().target());
        assertEquals(2, validated.validate().seeds());
        assertEquals(2.0, validated.validate().bracket());
        assertEquals("lr", validated.validate().hyperparameter());
        SweepSpec plain = SweepSpecParser.parse(VALID);
        assertEquals(null, plain.validate());
        assertEquals(1, plain.search().replicates());
        assertEquals(0, plain.search().confirmTopK());
    }

    @Test
    void badSpaceNamesTheParameter() {
        String bad = VALID.replace("lr: {float: [1.0e-4, 1.0e-1], log: true}", "lr: {float: [1.0e-1, 1.0e-4], log: true}");
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(bad));
        assertTrue(e.getMessage().startsWith("search.space.lr"), e.getMessage());
    }

    @Test
    void notYamlAtAllSaysWhere() {
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse("sweep: [unclosed\nseed: 1"));
        assertTrue(e.getMessage().contains("not valid YAML or JSON"), e.getMessage());
    }

    @Test
    void missingFileSaysNoSuchFile() {
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(Path.of("/nonexistent/spec.yaml")));
        assertEquals("/nonexistent/spec.yaml: no such file", e.getMessage());
    }

    @Test
    void aKeyWrittenTwiceIsAnErrorNamingTheKeyAndBothLines() {
        String twice = VALID.replace("  space: {lr: {float: [1.0e-4, 1.0e-1], log: true}}\n",
                "  space:\n    lr: {float: [1.0e-4, 1.0e-1], log: true}\n    init_std: {float: [0.01, 1.0]}\n    lr: {float: [0.5, 0.9]}\n");
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(twice));
        assertEquals("search.space.lr: the key 'lr' is written twice, on lines 9 and 11; keep one", e.getMessage());
        SpecException json = assertThrows(SpecException.class, () -> SweepSpecParser.parse(
                "{\"sweep\": \"a\",\n \"targets\": [{\"width\": 1}, {\"width\": 2,\n \"width\": 3}]}"));
        assertEquals("targets[1].width: the key 'width' is written twice, on lines 2 and 3; keep one", json.getMessage());
    }

    @Test
    void theSameKeyInTwoMappingsIsFine() {
        SweepSpec spec = SweepSpecParser.parse(VALID.replace("targets: [{width: 4096}]", "targets: [{width: 4096}, {width: 8192}]"));
        assertEquals(2, spec.targets().size());
    }

    @Test
    void aBinaryOrNonUtf8FileIsNotATextFile() throws Exception {
        Path binary = Files.createTempFile("spec", ".yaml");
        Files.write(binary, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d});
        SpecException e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(binary));
        assertEquals(binary + " is not a text file (YAML or JSON expected)", e.getMessage());
        Path latin1 = Files.createTempFile("spec", ".yaml");
        Files.write(latin1, "sweep: caf\u00e9\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        e = assertThrows(SpecException.class, () -> SweepSpecParser.parse(latin1));
        assertEquals(latin1 + " is not a text file (YAML or JSON expected)", e.getMessage());
    }

    @Test
    void queueAheadDefaultsToOnePerExecutor() {
        assertEquals(1, SweepSpecParser.parse(VALID).resources().queueAhead());
    }

    @Test
    void aSweepAloneHasWeightOneAndItsOwnPoolUnlessTheSpecSaysOtherwise() {
        SweepSpec.Resources alone = SweepSpecParser.parse(VALID).resources();
        assertEquals(1, alone.weight());
        assertEquals(null, alone.pool());
        SweepSpec.Resources shared = SweepSpecParser.parse(VALID.replace("output:", "resources: {weight: 3, pool: nightly-gpt}\noutput:")).resources();
        assertEquals(3, shared.weight());
        assertEquals("nightly-gpt", shared.pool());
    }
}
