package io.mutune.jobs.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Sweep specs for the many-slot runs: the sleep-trial script through the external-command runner,
 * one GPU per trial, two scale points, three hyperparameters (the script's duration and loss
 * depend on lr alone), a Delta journal under {@code dir/lake}.
 */
public final class ScaleSpecs {
    private ScaleSpecs() { }

    /** Segments of 1-4 s (the script's SLEEP_SCALE 2). */
    public static final double ONE_TO_FOUR_SECONDS = 2.0;

    /**
     * @param algorithm    {@code asha}, {@code tpe}, {@code random}...
     * @param maxResource  1 trains every trial in one segment; 27 gives ASHA rungs at 1, 3, 9 and 27 (eta 3)
     */
    public static Path write(Path dir, String name, Path script, String algorithm, int trialsPerScale, long maxResource)
            throws IOException {
        return write(dir, name, script, algorithm, trialsPerScale, maxResource, ONE_TO_FOUR_SECONDS, "");
    }

    /** As above, with the script's SLEEP_SCALE and extra lines for the {@code resources:} mapping (e.g. {@code "weight: 3"}). */
    public static Path write(Path dir, String name, Path script, String algorithm, int trialsPerScale, long maxResource,
                             double sleepScale, String extraResources) throws IOException {
        Path file = dir.resolve(name + ".yaml");
        Files.writeString(file, """
                sweep: %s
                seed: 5
                proxy: {model: command, command: ["bash", "%s"], env: {SLEEP_SCALE: "%s"}, parametrization: mup}
                scales: {width: [64, 128]}
                search:
                  algorithm: %s
                  metric: val_loss
                  space:
                    lr: {float: [1.0e-4, 1.0e-1], log: true}
                    init_std: {float: [0.01, 1.0], log: true}
                    output_mult: {float: [0.1, 10.0], log: true}
                  resource: {min: 1, max: %d, eta: 3}
                  trials_per_scale: %d
                resources: {gpus_per_trial: 1, max_retries: 0%s}
                targets: [{width: 1024}]
                output:
                  trials: "delta:%s"
                  recommendations: "delta:%s"
                  checkpoints: "file:%s"
                """.formatted(name, script, sleepScale, algorithm, maxResource, trialsPerScale,
                extraResources.isEmpty() ? "" : ", " + extraResources,
                dir.resolve("lake/trials"), dir.resolve("lake/recommendations"), dir.resolve("ckpt")));
        return file;
    }
}
