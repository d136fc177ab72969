package io.mutune.transfer.proxy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.transfer.engine.EngineThreads;
import java.io.Serializable;

/**
 * What the DJL proxies share: pick the device, build the trial in a fresh NDManager, restore its
 * checkpoint (or replay from step 0: batches depend only on the step, so replay is exact), train
 * to the segment's resource, save, and turn NaN/Inf into a diverged result.
 *
 * <p>The resource is optimizer steps, or samples / tokens when the spec's {@code resource_unit}
 * says so; a segment boundary that is not a whole number of steps rounds up to the next step.
 */
public abstract class DjlProxyRunner implements TrialRunner, Serializable {
    private static final long serialVersionUID = 1L;

    protected final ProxySpec spec;

    DjlProxyRunner(ProxySpec spec) {
        // package-private: the proxies come from ProxyRunners.fromSpec
        this.spec = spec;
    }

    /** Builds the model, data and optimizer of a trial segment (the coordinate check uses this too). */
    public abstract ProxyTrial build(NDManager manager, TrialSegment segment);

    @Override
    public SegmentResult run(TrialSegment segment, TrialContext context) throws Exception {
        EngineThreads.ensure(spec.threads());
        Device device = context.gpus().isEmpty() ? Device.cpu() : Device.gpu(context.firstGpuIndex());
        try (NDManager manager = NDManager.newBaseManager(device)) {
            ProxyTrial trial = build(manager, segment);
            long perStep = spec.resourceUnit().equals("steps") ? 1 : trial.task().unitsPerStep();
            long fromStep = ceilDiv(segment.fromResource(), perStep);
            long toStep = ceilDiv(segment.toResource(), perStep);
            SegmentTrainer trainer = new SegmentTrainer(trial.model(), trial.optimizer(), trial.task(), segment.seed(),
                    spec.optimizer().gradClip(), spec.evalEvery()).reportingPerStep(perStep);
            long start = Checkpoints.restore(segment, trial, manager, fromStep);
            if (start < fromStep) {
                SegmentTrainer.Outcome replay = trainer.train(manager, start, fromStep, false, p -> { });
                if (replay.divergedAt() >= 0) {
                    return SegmentResult.diverged(replay.divergedAt(), replay.curve(), "loss became NaN/Inf at resource " + replay.divergedAt());
                }
            }
            SegmentTrainer.Outcome out = trainer.train(manager, fromStep, toStep, true, context.progress());
            if (out.divergedAt() >= 0) {
                return SegmentResult.diverged(out.divergedAt(), out.curve(), "loss became NaN/Inf at resource " + out.divergedAt());
            }
            String saved = Checkpoints.save(segment, trial, toStep);
            return SegmentResult.completed(segment.toResource(), out.metrics(), out.curve(), saved);
        }
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
