package io.mutune.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.spec.SweepSpecParser;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The spec's algorithm reaches the tuner with its scheduler, so multi-fidelity sweeps train to rungs. */
class ScalePointTunerTest {
    private static SweepSpec spec(String algorithm) {
        return SweepSpecParser.parse("""
                sweep: s
                seed: 3
                proxy: {model: mlp}
                scales: {width: [64]}
                search:
                  algorithm: %s
                  space: {lr: {float: [1.0e-4, 1.0e-1], log: true}}
                  resource: {name: steps, min: 10, max: 90, eta: 3}
                  trials_per_scale: 9
                targets: [{width: 1024}]
                output: {trials: "delta:/tmp/t", recommendations: "delta:/tmp/r"}
                """.formatted(algorithm));
    }

    @ParameterizedTest
    @ValueSource(strings = {"asha", "hyperband", "bohb"})
    void multiFidelityAlgorithmsStartTrialsAtTheFirstRung(String algorithm) {
        ScalePointTuner t = ScalePointTuner.create(spec(algorithm), 0, Map.of("width", 64.0));
        TrialRequest first = t.tuner().ask().orElseThrow();
        assertTrue(first.toResource() < 90, algorithm + " asked for " + first.toResource() + " steps at once");
        assertEquals(0, first.fromResource());
    }

    @Test
    void randomSearchTrainsEveryTrialToTheMaximum() {
        ScalePointTuner t = ScalePointTuner.create(spec("random"), 0, Map.of("width", 64.0));
        assertEquals(90, t.tuner().ask().orElseThrow().toResource());
    }
}
