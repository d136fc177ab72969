package io.mutune.transfer.proxy;

import io.mutune.transfer.optim.StatefulOptimizer;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A built trial: model, data, optimizer, and the shape facts a checkpoint must agree on.
 *
 * @param shapes  base shapes, multipliers and the parametrization in force, as strings; saved with
 *                every checkpoint and compared on load
 * @param horizon the trial's batch, horizon and schedule
 */
public record ProxyTrial(ProxyModel model, ProxyTask task, StatefulOptimizer optimizer, Map<String, String> shapes,
                         TrialHorizon horizon) {

    /**
     * A trial of {@code model} on {@code task} with the spec's optimizer at the horizon's schedule, its
     * Adam epsilon scaled as the parametrization prescribes for the model's width and depth multipliers.
     */
    public static ProxyTrial assemble(String modelKind, ProxyModel model, Object shape, Object base, ProxyTask task,
                                      ProxySpec spec, HyperParams h, TrialHorizon horizon) {
        Map<String, String> shapes = new LinkedHashMap<>();
        shapes.put("model", modelKind);
        shapes.put("shape", shape.toString());
        shapes.put("base", base.toString());
        shapes.put("parametrization", spec.parametrization().describe());
        shapes.put("optimizer", spec.optimizer().toString());
        StatefulOptimizer optimizer = spec.optimizer().build(model.tensors(), h.lr(), h.weightDecay(),
                spec.parametrization().adamEpsilonMultiplier(model.widthMult(), model.depthMult()), horizon.schedule());
        return new ProxyTrial(model, task, optimizer, shapes, horizon);
    }
}
