package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDManager;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.transfer.data.DenseSource;

/**
 * Trial runner for the MLP proxy: width from the segment's {@code width} axis, depth from its
 * {@code depth} axis or the base depth, batch and horizon from {@code batch} and {@code tokens}
 * (a token is one example; see {@link TrialHorizon}); trained on the teacher task (regression: mean squared
 * error; classification: cross-entropy) or Parquet columns; reports {@code val_loss} and
 * {@code train_loss}.
 */
final class MlpProxyRunner extends DjlProxyRunner {
    private static final long serialVersionUID = 1L;

    MlpProxyRunner(ProxySpec spec) {
        super(spec);
    }

    @Override
    public ProxyTrial build(NDManager manager, TrialSegment segment) {
        HyperParams h = HyperParams.of(segment.config());
        int width = segment.intScale("width");
        int depth = segment.scale().containsKey("depth") ? segment.intScale("depth") : spec.baseDepth();
        DenseSource data = spec.mlpData().source();
        MlpShape shape = new MlpShape(data.inputDim(), width, depth, data.outputDim(), spec.residual(), spec.activation());
        MlpShape base = new MlpShape(data.inputDim(), spec.baseWidth(), spec.baseDepth(), data.outputDim(), spec.residual(),
                spec.activation());
        MlpModel model = new MlpModel(manager, shape, base, spec.parametrization(), spec.optimizer().family(),
                segment.seed(), h.initStd(), h.outputMult(), spec.readoutZeroInit(), spec.mlpData().classification());
        TrialHorizon horizon = TrialHorizon.of(spec, segment.scale(), segment.config());
        ProxyTask task = new DenseTask(data, horizon.batch(), spec.validationSize());
        return ProxyTrial.assemble("mlp", model, shape, base, task, spec, h, horizon);
    }
}
