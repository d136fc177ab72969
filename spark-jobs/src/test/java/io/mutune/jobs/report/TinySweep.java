package io.mutune.jobs.report;

import java.nio.file.Path;

/** The smallest sweep that exercises every report chart fed by a real run: 2 widths x 4 trials x 100 steps. */
final class TinySweep {
    private TinySweep() { }

    static String spec(Path lake) {
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
                search:
                  algorithm: random
                  metric: val_loss
                  mode: min
                  space:
                    lr: {float: [1.0e-3, 3.0e-1], log: true}
                  resource: {name: steps, max: 100}
                  trials_per_scale: 4
                resources: {gpus_per_trial: 0, max_retries: 0}
                targets:
                  - {width: 1024}
                output:
                  trials: delta:LAKE/trials
                  recommendations: delta:LAKE/recommendations
                  checkpoints: file:LAKE/ckpt
                """.replace("LAKE", lake.toAbsolutePath().toString());
    }
}
