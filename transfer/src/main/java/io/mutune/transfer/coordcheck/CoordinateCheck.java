package io.mutune.transfer.coordcheck;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.engine.EngineThreads;
import io.mutune.transfer.proxy.DjlProxyRunner;
import io.mutune.transfer.proxy.ProxyTrial;
import io.mutune.transfer.proxy.SegmentTrainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The coordinate check of microsoft/mup (Yang et al., 2022, Tensor Programs V, §D / Fig. 5): for
 * each width, train a few steps on one fixed batch and record the mean absolute value of every
 * layer's output at each step. Under a correct muP every curve is flat in width; a layer whose
 * scale grows or shrinks with width has a wrong init, multiplier or learning-rate rule.
 *
 * <p>Step t's value is measured in the forward pass after t optimizer updates (t = 0: at init).
 */
public final class CoordinateCheck {
    private final DjlProxyRunner proxy;
    private final Configuration config;

    /**
     * @param proxy  builds the model at each width (the same code path trials use)
     * @param config the hyperparameters (lr, init_std, output_mult, ...)
     */
    public CoordinateCheck(DjlProxyRunner proxy, Configuration config) {
        this.proxy = proxy;
        this.config = config;
    }

    /**
     * @param widths the widths to compare
     * @param steps  forward passes to record per width (updates = steps - 1 after the last record)
     * @param seeds  seeds to average over, 0..seeds-1
     */
    public CoordinateCheckResult run(List<Integer> widths, int steps, int seeds) {
        if (widths.size() < 2 || steps < 1 || seeds < 1) {
            throw new IllegalArgumentException("coordinate check needs >= 2 widths, steps >= 1, seeds >= 1; got widths="
                    + widths + " steps=" + steps + " seeds=" + seeds);
        }
        EngineThreads.ensure(1);
        List<CoordinateCheckResult.Point> points = new ArrayList<>();
        for (int width : widths) {
            for (int seed = 0; seed < seeds; seed++) {
                points.addAll(runOne(width, seed, steps));
            }
        }
        return new CoordinateCheckResult(points);
    }

    private List<CoordinateCheckResult.Point> runOne(int width, long seed, int steps) {
        List<CoordinateCheckResult.Point> out = new ArrayList<>();
        TrialSegment segment = new TrialSegment("coord-check-" + width + "-" + seed, config,
                Map.of("width", (double) width), 0, steps, null, null, seed);
        try (NDManager manager = NDManager.newBaseManager()) {
            ProxyTrial trial = proxy.build(manager, segment);
            SegmentTrainer trainer = new SegmentTrainer(trial.model(), trial.optimizer(), trial.task(), seed, 0, 1);
            NDArray[] batch = trial.task().trainBatch(manager, seed, 0);
            for (int t = 0; t < steps; t++) {
                final int step = t;
                try (NDScope scope = new NDScope()) {
                    scope.suppressNotUsedWarning();
                    trainer.step(batch, (layer, activation) -> out.add(new CoordinateCheckResult.Point(
                            width, step, layer, seed, activation.abs().mean().getFloat())));
                }
            }
        }
        return out;
    }
}
