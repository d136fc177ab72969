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
 * @param batchSize       examples (MLP) or sequences (transformer) per step, unless the scale point has a {@code batch} axis
 * @param evalEvery       steps between learning-curve points
 * @param validationSize  held-out examples or sequences
 * @param readoutZeroInit start the readout at zero
 * @param residual        MLP only: residual hidden blocks (forced on by depth parametrizations)
 * @param mlpData         the MLP's data (teacher or Parquet), or null
 * @param language        the transformer's shape and data, or null
 * @param activation      MLP: relu, tanh, gelu or swiglu; transformer: its MLP block, gelu or swiglu
 * @param resourceUnit    what a segment's resource counts: steps, samples (MLP), tokens (transformer) or
 *                        horizon (a fraction of the point's token horizon, {@code sweep.resourceMax()} being
 *                        all of it); {@code auto}: horizon when the scale point has a tokens axis, else steps
 * @param threads         PyTorch intra-op threads per JVM (Spark: one core per task, so 1)
 * @param sweep           the sweep's token horizons and resource range, {@link SweepAxes#NONE} on its own
 */
public record ProxySpec(String model, Parametrization parametrization, OptimizerSettings optimizer,
                        int baseWidth, int baseDepth, int batchSize, int evalEvery, int validationSize,
                        boolean readoutZeroInit, boolean residual, MlpDataSpec mlpData, LanguageSpec language,
                        String activation, String resourceUnit, int threads, SweepAxes sweep)
        implements Serializable {

    public ProxySpec {
        sweep = sweep == null ? SweepAxes.NONE : sweep;
    }

    /** Parses the spec's {@code proxy:} section; errors name the field. */
    public static ProxySpec parse(java.util.Map<String, Object> proxySection) {
        return ProxySpecParser.parse(proxySection);
    }

    /** This spec inside a sweep with these token horizons and resource range. */
    public ProxySpec withSweep(SweepAxes axes) {
        return new ProxySpec(model, parametrization, optimizer, baseWidth, baseDepth, batchSize, evalEvery, validationSize,
                readoutZeroInit, residual, mlpData, language, activation, resourceUnit, threads, axes);
    }

    /** Tokens one sequence (transformer) or one example (MLP: a token is an example) adds to a step. */
    public int tokensPerExample() {
        return language == null ? 1 : language.context();
    }
}
