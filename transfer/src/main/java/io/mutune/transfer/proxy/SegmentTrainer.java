package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import io.mutune.hpo.runner.CurvePoint;
import io.mutune.transfer.engine.Autograd;
import io.mutune.transfer.optim.StatefulOptimizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The training loop shared by the proxies: one optimizer step per batch, global-norm gradient
 * clipping, held-out evaluation every {@code evalEvery} steps and at the end. Every step runs in
 * its own {@link NDScope}, so no array outlives the step except the weights and optimizer state.
 */
public final class SegmentTrainer {
    private final ProxyModel model;
    private final StatefulOptimizer optimizer;
    private final ProxyTask task;
    private final long seed;
    private final double gradClip;
    private final int evalEvery;

    /** What a training run ended with. {@code divergedAt} is -1 unless the loss became NaN/Inf. */
    public record Outcome(long step, long divergedAt, Map<String, Double> metrics, List<CurvePoint> curve) {
    }

    public SegmentTrainer(ProxyModel model, StatefulOptimizer optimizer, ProxyTask task, long seed,
                          double gradClip, int evalEvery) {
        if (!(gradClip >= 0)) {
            throw new IllegalArgumentException("grad_clip must be >= 0 (0 = off), got " + gradClip);
        }
        if (evalEvery < 1) {
            throw new IllegalArgumentException("eval_every must be >= 1, got " + evalEvery);
        }
        this.model = model;
        this.optimizer = optimizer;
        this.task = task;
        this.seed = seed;
        this.gradClip = gradClip;
        this.evalEvery = evalEvery;
    }

    /**
     * Trains steps {@code from} (inclusive) to {@code to} (exclusive). When {@code evaluate} is
     * false (replaying to a resume point) no metrics are taken.
     */
    public Outcome train(NDManager manager, long from, long to, boolean evaluate, Consumer<CurvePoint> progress) {
        List<CurvePoint> curve = new ArrayList<>();
        double lossSum = 0;
        int lossCount = 0;
        Map<String, Double> last = Map.of();
        for (long step = from; step < to; step++) {
            double loss = step(manager, step);
            if (!Double.isFinite(loss)) {
                return new Outcome(step, step, Map.of(), curve);
            }
            lossSum += loss;
            lossCount++;
            long done = step + 1;
            if (evaluate && (done % evalEvery == 0 || done == to)) {
                double val = validationLoss(manager);
                if (!Double.isFinite(val)) {
                    return new Outcome(done, done, Map.of(), curve);
                }
                last = Map.of("val_loss", val, "train_loss", lossSum / lossCount);
                CurvePoint p = new CurvePoint(done, last);
                curve.add(p);
                progress.accept(p);
                lossSum = 0;
                lossCount = 0;
            }
        }
        return new Outcome(to, -1, last, curve);
    }

    private double step(NDManager manager, long step) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            NDArray[] batch = task.trainBatch(manager, seed, step);
            NDArray loss;
            try (Autograd tape = Autograd.record()) {
                loss = model.loss(batch[0], batch[1], ActivationProbe.NONE);
                tape.backward(loss);
            }
            double value = loss.getFloat();
            if (!Double.isFinite(value)) {
                return value;
            }
            try (Autograd off = Autograd.pause()) {
                List<ProxyTensor> tensors = model.tensors();
                NDArray[] grads = new NDArray[tensors.size()];
                for (int i = 0; i < grads.length; i++) {
                    grads[i] = tensors.get(i).array().getGradient();
                }
                float clipScale = clipScale(grads);
                for (int i = 0; i < grads.length; i++) {
                    NDArray g = clipScale == 1f ? grads[i] : grads[i].mul(clipScale);
                    optimizer.update(tensors.get(i).name(), tensors.get(i).array(), g);
                    Autograd.zeroGrad(tensors.get(i).array());
                }
            }
            return value;
        }
    }

    /** Global-norm clipping (Pascanu et al., 2013): scale all gradients by min(1, c / ‖g‖). */
    private float clipScale(NDArray[] grads) {
        if (gradClip == 0) {
            return 1f;
        }
        double sq = 0;
        for (NDArray g : grads) {
            sq += g.square().sum().getFloat();
        }
        double norm = Math.sqrt(sq);
        return norm > gradClip ? (float) (gradClip / norm) : 1f;
    }

    /** Mean loss on the held-out set. */
    public double validationLoss(NDManager manager) {
        try (NDScope scope = new NDScope(); Autograd off = Autograd.pause()) {
            scope.suppressNotUsedWarning();
            NDArray[] val = task.validation(manager);
            return model.loss(val[0], val[1], ActivationProbe.NONE).getFloat();
        }
    }
}
