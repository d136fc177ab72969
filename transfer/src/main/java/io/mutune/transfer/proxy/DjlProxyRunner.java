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
 * <p>The resource is optimizer steps.
 */
abstract class DjlProxyRunner implements TrialRunner, Serializable {
    private static final long serialVersionUID = 1L;

    protected final ProxySpec spec;

    DjlProxyRunner(ProxySpec spec) {
        this.spec = spec;
    }

    /** Builds the model, data and optimizer of a trial segment. */
    abstract ProxyTrial build(NDManager manager, TrialSegment segment);

    @Override
    public SegmentResult run(TrialSegment segment, TrialContext context) throws Exception {
        EngineThreads.ensure(spec.threads());
        Device device = context.gpus().isEmpty() ? Device.cpu() : Device.gpu(context.firstGpuIndex());
        try (NDManager manager = NDManager.newBaseManager(device)) {
            ProxyTrial trial = build(manager, segment);
            SegmentTrainer trainer = new SegmentTrainer(trial.model(), trial.optimizer(), trial.task(), segment.seed(),
                    spec.optimizer().gradClip(), spec.evalEvery());
            long start = Checkpoints.restore(segment, trial, manager);
            if (start < segment.fromResource()) {
                SegmentTrainer.Outcome replay = trainer.train(manager, start, segment.fromResource(), false, p -> { });
                if (replay.divergedAt() >= 0) {
                    return SegmentResult.diverged(replay.divergedAt(), replay.curve(), "loss became NaN/Inf at step " + replay.divergedAt());
                }
            }
            SegmentTrainer.Outcome out = trainer.train(manager, segment.fromResource(), segment.toResource(), true, context.progress());
            if (out.divergedAt() >= 0) {
                return SegmentResult.diverged(out.divergedAt(), out.curve(), "loss became NaN/Inf at step " + out.divergedAt());
            }
            String saved = Checkpoints.save(segment, trial);
            return SegmentResult.completed(segment.toResource(), out.metrics(), out.curve(), saved);
        }
    }
}
