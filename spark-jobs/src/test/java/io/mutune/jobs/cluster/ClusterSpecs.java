package io.mutune.jobs.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sweep specs for the cluster tests: an external sleep-based trial script, one GPU per trial. */
final class ClusterSpecs {
    private ClusterSpecs() { }

    static Path write(Path dir, String name, Path script, int trialsPerScale, double sleepScale, int maxRetries) throws IOException {
        String spec = """
                sweep: %s
                seed: 11
                proxy:
                  model: command
                  command: ["bash", "%s"]
                  env: {SLEEP_SCALE: "%s", RUNNING_DIR: "%s"}
                  parametrization: mup
                scales:
                  width: [64, 128]
                search:
                  algorithm: random
                  metric: val_loss
                  space:
                    lr: {float: [1.0e-4, 1.0e-1], log: true}
                  resource: {name: steps, max: 1}
                  trials_per_scale: %d
                resources: {gpus_per_trial: 1, max_retries: %d, trial_timeout_s: 120}
                targets:
                  - {width: 1024}
                output:
                  trials: delta:%s
                  recommendations: delta:%s
                  checkpoints: file:%s
                """.formatted(name, script, sleepScale, runningDir(dir, name), trialsPerScale, maxRetries,
                dir.resolve("lake/trials"), dir.resolve("lake/recommendations"), dir.resolve("ckpt"));
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, spec);
        return file;
    }

    /** Where the trial script keeps a file {@code worker-W-TRIAL} while it runs on Worker W. */
    static Path runningDir(Path dir, String name) {
        return dir.resolve("running-" + name);
    }
}
