package io.mutune.transfer.proxy;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.transfer.engine.EngineThreads;
import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the DJL proxies share: pick the device, build the trial in a fresh NDManager, restore its
 * checkpoint (or replay from step 0: batches depend only on the step, so replay is exact), train
 * to the segment's resource, save, and turn NaN/Inf into a diverged result.
 *
 * <p>The resource is optimizer steps, or samples / tokens when the spec's {@code resource_unit}
 * says so, or with a tokens axis a fraction of the trial's horizon ({@link ResourceSteps}); a
 * segment boundary that is not a whole number of steps rounds up to the next step. A run at the
 * sweep's longest horizon under WSD branches the shorter horizons' decays off itself
 * ({@link DecayBranches}) and reports them in its metrics ({@link BranchMetrics}).
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
            ResourceSteps units = ResourceSteps.of(spec, trial.horizon(), segment.scale().containsKey("tokens"));
            long fromStep = units.step(segment.fromResource());
            long toStep = units.step(segment.toResource());
            SegmentTrainer trainer = new SegmentTrainer(trial.model(), trial.optimizer(), trial.task(), segment.seed(),
                    spec.optimizer().gradClip(), spec.evalEvery())
                    .reportingResources(s -> s == toStep ? segment.toResource() : units.resource(s));
            long start = Checkpoints.restore(segment, trial, manager, fromStep);
            if (start < fromStep) {
                SegmentTrainer.Outcome replay = trainer.train(manager, start, fromStep, false, p -> { });
                if (replay.divergedAt() >= 0) {
                    return SegmentResult.diverged(replay.divergedAt(), replay.curve(), "loss became NaN/Inf at resource " + replay.divergedAt());
                }
            }
            // A branch point on this segment's start was taken by the segment that ended there.
            List<DecayBranches.Branch> due = DecayBranches.plan(spec, trial.horizon(), segment.scale(), segment.config()).stream()
                    .filter(b -> b.fromStep() > fromStep && b.fromStep() <= toStep || b.fromStep() == 0 && fromStep == 0)
                    .toList();
            DecayBranches branches = new DecayBranches(this, segment, trial, manager, due);
            SegmentTrainer.Outcome out = trainer.train(manager, fromStep, toStep, true, context.progress(), branches);
            if (out.divergedAt() >= 0) {
                return new SegmentResult(SegmentResult.Outcome.DIVERGED, out.divergedAt(), branches.metrics(), out.curve(), null,
                        "loss became NaN/Inf at resource " + out.divergedAt());
            }
            String saved = Checkpoints.save(segment, trial, toStep);
            Map<String, Double> metrics = new LinkedHashMap<>(out.metrics());
            metrics.putAll(branches.metrics());
            return SegmentResult.completed(segment.toResource(), metrics, out.curve(), saved);
        }
    }
}
