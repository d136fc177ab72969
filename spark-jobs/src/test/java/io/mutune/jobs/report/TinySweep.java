package io.mutune.jobs.report;

import java.nio.file.Path;

/** The smallest sweeps that exercise the report's charts fed by a real run. */
final class TinySweep {
    /** Random search: 2 widths x 4 trials x 100 steps. */
    static final String RANDOM = """
            search:
              algorithm: random
              metric: val_loss
              mode: min
              space:
                lr: {float: [1.0e-3, 3.0e-1], log: true}
              resource: {name: steps, max: 100}
              trials_per_scale: 4
            """;

    private TinySweep() { }

    static String spec(Path lake) {
        return spec(lake, RANDOM);
    }

    /** The tiny MLP sweep with the given {@code search:} section. */
    static String spec(Path lake, String search) {
        return """
                sweep: tiny
                seed: 5
                proxy:
                  model: mlp
                  parametrization: mup
                  optimizer: adamw
                  base: {width: 32, depth: 2}
                  data: {kind: teacher, seed: 3}
                scales:
                  width: [32, 64]
                SEARCH\
                resources: {gpus_per_trial: 0, max_retries: 0}
                targets:
                  - {width: 1024}
                output:
                  trials: delta:LAKE/trials
                  recommendations: delta:LAKE/recommendations
                  checkpoints: file:LAKE/ckpt
                """.replace("SEARCH", search).replace("LAKE", lake.toAbsolutePath().toString());
    }
}
