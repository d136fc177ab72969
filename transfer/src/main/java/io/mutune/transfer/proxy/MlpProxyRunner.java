package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDManager;
import io.mutune.hpo.runner.TrialSegment;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Trial runner for the MLP proxy: width from the segment's {@code width} axis, depth from its
 * {@code depth} axis or the base depth; trained on the teacher-regression task; reports
 * {@code val_loss} and {@code train_loss} (mean squared error).
 */
final class MlpProxyRunner extends DjlProxyRunner {
    private static final long serialVersionUID = 1L;

    MlpProxyRunner(ProxySpec spec) {
        super(spec);
    }

    @Override
    ProxyTrial build(NDManager manager, TrialSegment segment) {
        HyperParams h = HyperParams.of(segment.config());
        int width = segment.intScale("width");
        int depth = segment.scale().containsKey("depth") ? segment.intScale("depth") : spec.baseDepth();
        TeacherSpec t = spec.teacher();
        MlpShape shape = new MlpShape(t.inputDim(), width, depth, t.outputDim(), spec.residual());
        MlpShape base = new MlpShape(t.inputDim(), spec.baseWidth(), spec.baseDepth(), t.outputDim(), spec.residual());
        MlpModel model = new MlpModel(manager, shape, base, spec.parametrization(), spec.optimizer().family(),
                segment.seed(), h.initStd(), h.outputMult(), spec.readoutZeroInit());
        ProxyTask task = new TeacherTask(t.task(), spec.batchSize(), spec.validationSize());
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("model", "mlp");
        shapes.put("shape", shape.toString());
        shapes.put("base", base.toString());
        shapes.put("parametrization", spec.parametrization().describe());
        shapes.put("optimizer", spec.optimizer().toString());
        return new ProxyTrial(model, task, spec.optimizer().build(model.tensors(), h.lr(), h.weightDecay()), shapes);
    }
}
