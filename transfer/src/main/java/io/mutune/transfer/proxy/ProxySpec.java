package io.mutune.transfer.proxy;

import io.mutune.transfer.param.Parametrization;
import java.io.Serializable;

/**
 * The parsed {@code proxy:} section of a sweep spec. Immutable and serialisable: it is what a
 * runner carries to Spark executors; DJL objects are built from it inside each task.
 *
 * @param model           {@code mlp} or {@code transformer}
 * @param parametrization how tensors scale with width and depth
 * @param optimizer       optimizer, schedule and clipping
 * @param baseWidth       the width hyperparameters are tuned at (m = width / baseWidth)
 * @param baseDepth       the depth hyperparameters are tuned at, and the depth when the trial has no depth axis
 * @param batchSize       examples (MLP) or sequences (transformer) per step
 * @param evalEvery       steps between learning-curve points
 * @param validationSize  held-out examples or sequences
 * @param readoutZeroInit start the readout at zero
 * @param residual        MLP only: residual hidden blocks (forced on by depth parametrizations)
 * @param mlpData         the MLP's data (teacher or Parquet), or null
 * @param language        the transformer's shape and data, or null
 * @param activation      MLP only: relu or tanh
 * @param resourceUnit    what a segment's resource counts: steps, samples (MLP) or tokens (transformer)
 * @param threads         PyTorch intra-op threads per JVM (Spark: one core per task, so 1)
 */
public record ProxySpec(String model, Parametrization parametrization, OptimizerSettings optimizer,
                        int baseWidth, int baseDepth, int batchSize, int evalEvery, int validationSize,
                        boolean readoutZeroInit, boolean residual, MlpDataSpec mlpData, LanguageSpec language,
                        String activation, String resourceUnit, int threads)
        implements Serializable {

    /** Parses the spec's {@code proxy:} section; errors name the field. */
    public static ProxySpec parse(java.util.Map<String, Object> proxySection) {
        return ProxySpecParser.parse(proxySection);
    }
}
