package io.mutune.transfer.bench;

import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.rules.TrialObservation;
import java.util.Map;

/**
 * One benchmark training run.
 *
 * @param stage   "proxy", "direct" or "recommended"
 * @param width   its width
 * @param seconds wall time of the run
 * @param flops   estimated training FLOPs (6 x parameters x examples seen)
 */
record BenchTrial(String stage, String parametrization, double width, Configuration config, long steps,
                  double loss, boolean diverged, double seconds, double flops) {

    TrialObservation observation(String id) {
        return new TrialObservation(id, Map.of("width", width), config, steps, loss, diverged);
    }
}
