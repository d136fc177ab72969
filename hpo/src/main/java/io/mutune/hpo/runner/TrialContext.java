package io.mutune.hpo.runner;

import java.util.List;
import java.util.function.Consumer;

/**
 * Where a segment runs and how it reports progress.
 *
 * @param gpus       GPU addresses assigned to this task (from Spark's {@code TaskContext.resources()}
 *                   or a local allocator); empty means CPU
 * @param progress   receives intermediate measurements as they happen (learning-curve points);
 *                   never null
 */
public record TrialContext(List<String> gpus, Consumer<CurvePoint> progress) {

    public TrialContext {
        gpus = List.copyOf(gpus);
        progress = progress == null ? p -> { } : progress;
    }

    public static TrialContext cpu() {
        return new TrialContext(List.of(), null);
    }

    /** The first assigned GPU index, or -1 for CPU. */
    public int firstGpuIndex() {
        return gpus.isEmpty() ? -1 : Integer.parseInt(gpus.get(0));
    }
}
