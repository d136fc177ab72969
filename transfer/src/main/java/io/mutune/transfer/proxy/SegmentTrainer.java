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
import java.util.function.LongUnaryOperator;

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
    private LongUnaryOperator stepToResource = s -> s;

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

    /** Reports curve points in units of {@code perStep} (samples or tokens per step) instead of steps. */
    public SegmentTrainer reportingPerStep(long perStep) {
        if (perStep < 1) {
            throw new IllegalArgumentException("resource per step must be >= 1, got " + perStep);
        }
        return reportingResources(s -> s * perStep);
    }

    /** Reports a curve point after {@code s} steps at resource {@code stepToResource(s)}. */
    public SegmentTrainer reportingResources(LongUnaryOperator stepToResource) {
        this.stepToResource = stepToResource;
        return this;
    }

    /** Sees the training state between steps, e.g. to branch a decay off it. */
    @FunctionalInterface
    public interface StepHook {
        StepHook NONE = steps -> { };

        /** Called once {@code steps} updates are done (and once at 0 when training starts from scratch), outside any step's scope. */
        void reached(long steps);
    }

    /**
     * Trains steps {@code from} (inclusive) to {@code to} (exclusive). When {@code evaluate} is
     * false (replaying to a resume point) no metrics are taken.
     */
    public Outcome train(NDManager manager, long from, long to, boolean evaluate, Consumer<CurvePoint> progress) {
        return train(manager, from, to, evaluate, progress, StepHook.NONE);
    }

    /**
     * As {@link #train(NDManager, long, long, boolean, Consumer)}, telling {@code hook} each step
     * reached. A segment of no steps (two resources that round to one step) still evaluates once.
     */
    public Outcome train(NDManager manager, long from, long to, boolean evaluate, Consumer<CurvePoint> progress, StepHook hook) {
        return run(manager, from, to, evaluate, evalEvery, progress, hook);
    }

    /** Trains {@code from} to {@code to} and evaluates once, at the end; train_loss is the mean over these steps. */
    public Outcome trainThenEvaluate(NDManager manager, long from, long to) {
        return run(manager, from, to, true, Long.MAX_VALUE, p -> { }, StepHook.NONE);
    }

    private Outcome run(NDManager manager, long from, long to, boolean evaluate, long every, Consumer<CurvePoint> progress,
                        StepHook hook) {
        List<CurvePoint> curve = new ArrayList<>();
        double lossSum = 0;
        int lossCount = 0;
        Map<String, Double> last = Map.of();
        if (from == 0) {
            hook.reached(0);
        }
        if (evaluate && from == to) {
            double val = validationLoss(manager);
            if (!Double.isFinite(val)) {
                return new Outcome(to, stepToResource.applyAsLong(to), Map.of(), curve);
            }
            last = Map.of("val_loss", val);
            CurvePoint p = new CurvePoint(stepToResource.applyAsLong(to), last);
            curve.add(p);
            progress.accept(p);
        }
        for (long step = from; step < to; step++) {
            double loss = step(manager, step);
            if (!Double.isFinite(loss)) {
                return new Outcome(step, stepToResource.applyAsLong(step), Map.of(), curve);
            }
            lossSum += loss;
            lossCount++;
            long done = step + 1;
            if (evaluate && (done % every == 0 || done == to)) {
                double val = validationLoss(manager);
                if (!Double.isFinite(val)) {
                    return new Outcome(done, stepToResource.applyAsLong(done), Map.of(), curve);
                }
                last = Map.of("val_loss", val, "train_loss", lossSum / lossCount);
                CurvePoint p = new CurvePoint(stepToResource.applyAsLong(done), last);
                curve.add(p);
                progress.accept(p);
                lossSum = 0;
                lossCount = 0;
            }
            hook.reached(done);
        }
        return new Outcome(to, -1, last, curve);
    }

    private double step(NDManager manager, long step) {
        try (NDScope scope = new NDScope()) {
            scope.suppressNotUsedWarning();
            return step(task.trainBatch(manager, seed, step), ActivationProbe.NONE);
        }
    }

    /**
     * One optimizer step on {@code batch}: forward (shown to {@code probe}), backward, clip,
     * update. Returns the batch loss; on NaN/Inf the weights are left untouched. Call inside an
     * {@link NDScope}.
     */
    public double step(NDArray[] batch, ActivationProbe probe) {
        NDArray loss;
        try (Autograd tape = Autograd.record()) {
            loss = model.loss(batch[0], batch[1], probe);
            tape.backward(loss);
        }
        double value = loss.getFloat();
        List<ProxyTensor> tensors = model.tensors();
        try (Autograd off = Autograd.pause()) {
            NDArray[] grads = new NDArray[tensors.size()];
            for (int i = 0; i < grads.length; i++) {
                grads[i] = tensors.get(i).array().getGradient();
            }
            if (Double.isFinite(value)) {
                float clipScale = clipScale(grads);
                for (int i = 0; i < grads.length; i++) {
                    NDArray g = clipScale == 1f ? grads[i] : grads[i].mul(clipScale);
                    optimizer.update(tensors.get(i).name(), tensors.get(i).array(), g);
                }
            }
            for (ProxyTensor t : tensors) {
                Autograd.zeroGrad(t.array());
            }
        }
        return value;
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
