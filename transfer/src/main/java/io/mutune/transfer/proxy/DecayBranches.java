package io.mutune.transfer.proxy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.engine.Autograd;
import io.mutune.transfer.optim.LrSchedule;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * WSD checkpoint reuse (Hägele et al. 2024, "Scaling Laws and Compute-Optimal Training Beyond
 * Fixed Training Durations"; Hu et al. 2024, MiniCPM): under warmup-stable-decay a run's learning
 * rate does not depend on its horizon until its cool-down starts, so the run at the sweep's longest
 * token horizon passes through the exact state of every shorter run at the step where that run
 * starts cooling down. There the shorter horizon's decay is branched off a copy of the state and
 * evaluated at its end, and the long run goes on: several horizons for the price of one plus the
 * short decays. Batches depend only on (seed, step), so a branch's loss is the loss an
 * independent run at that horizon would reach.
 *
 * <p>The branch point is the first step where the two horizons' schedules differ (a constant rate
 * never differs: the shorter run is a prefix). Cosine schedules differ from the end of warmup
 * and a warmup given as a fraction of the horizon differs from the start, so neither branches.
 */
final class DecayBranches implements SegmentTrainer.StepHook {

    /** A shorter horizon and the step its run parts from the long one. */
    record Branch(double tokens, long horizonSteps, long fromStep) {
    }

    private final DjlProxyRunner runner;
    private final TrialSegment segment;
    private final ProxyTrial main;
    private final NDManager manager;
    private final List<Branch> due;
    private final Map<String, Double> metrics = new LinkedHashMap<>();
    private long branchSteps;

    DecayBranches(DjlProxyRunner runner, TrialSegment segment, ProxyTrial main, NDManager manager, List<Branch> due) {
        this.runner = runner;
        this.segment = segment;
        this.main = main;
        this.manager = manager;
        this.due = List.copyOf(due);
    }

    /**
     * The shorter horizons a trial at {@code scale} can branch: none unless the schedule shares its
     * prefix across horizons and the trial runs at the sweep's longest horizon.
     */
    static List<Branch> plan(ProxySpec spec, TrialHorizon mainHorizon, Map<String, Double> scale, Configuration config) {
        double longest = spec.sweep().longestTokens();
        if (!spec.optimizer().schedule().sharesPrefixAcrossHorizons() || Double.isNaN(mainHorizon.tokens())
                || mainHorizon.tokens() != longest) {
            return List.of();
        }
        List<Branch> out = new ArrayList<>();
        for (double t : spec.sweep().tokens().stream().distinct().sorted().toList()) {
            if (t >= longest) {
                continue;
            }
            Map<String, Double> at = new LinkedHashMap<>(scale);
            at.put("tokens", t);
            TrialHorizon h = TrialHorizon.of(spec, at, config);
            out.add(new Branch(t, h.steps(), firstDifference(h.schedule(), mainHorizon.schedule(), h.steps())));
        }
        return out;
    }

    /** Whether {@code tokens} is a horizon the sweep measures by branching rather than by trials of its own. */
    static boolean branched(ProxySpec spec, double tokens) {
        return spec.optimizer().schedule().sharesPrefixAcrossHorizons() && tokens < spec.sweep().longestTokens();
    }

    static long firstDifference(LrSchedule a, LrSchedule b, long limit) {
        for (long s = 0; s < limit; s++) {
            if (a.factor(s) != b.factor(s)) {
                return s;
            }
        }
        return limit;
    }

    @Override
    public void reached(long steps) {
        for (Branch b : due) {
            if (b.fromStep() == steps) {
                run(b);
            }
        }
    }

    /** What the branches run so far report, for the segment's metrics; empty when none ran. */
    Map<String, Double> metrics() {
        Map<String, Double> out = new LinkedHashMap<>(metrics);
        if (!metrics.isEmpty()) {
            out.put(BranchMetrics.BRANCH_STEPS, (double) branchSteps);
        }
        return out;
    }

    private void run(Branch b) {
        Map<String, Double> at = new LinkedHashMap<>(segment.scale());
        at.put("tokens", b.tokens());
        TrialSegment short_ = new TrialSegment(segment.trialId(), segment.config(), at, 0, 0, null, null, segment.seed());
        try (NDManager sub = manager.newSubManager()) {
            ProxyTrial branch = runner.build(sub, short_);
            copyState(main, branch, sub);
            SegmentTrainer trainer = new SegmentTrainer(branch.model(), branch.optimizer(), branch.task(), segment.seed(),
                    runner.spec.optimizer().gradClip(), runner.spec.evalEvery());
            SegmentTrainer.Outcome o = trainer.trainThenEvaluate(sub, b.fromStep(), b.horizonSteps());
            boolean diverged = o.divergedAt() >= 0;
            metrics.put(BranchMetrics.name("val_loss", b.tokens()), diverged ? Double.NaN : o.metrics().get("val_loss"));
            if (diverged || o.metrics().containsKey("train_loss")) {
                metrics.put(BranchMetrics.name("train_loss", b.tokens()), diverged ? Double.NaN : o.metrics().get("train_loss"));
            }
            branchSteps += (diverged ? o.step() : b.horizonSteps()) - b.fromStep();
        }
    }

    /** Weights, optimizer moments and update counts of {@code from}, copied into {@code to} (arrays owned by {@code manager}). */
    private static void copyState(ProxyTrial from, ProxyTrial to, NDManager manager) {
        List<ProxyTensor> src = from.model().tensors();
        List<ProxyTensor> dst = to.model().tensors();
        try (Autograd off = Autograd.pause()) {
            for (int i = 0; i < src.size(); i++) {
                ProxyTensor s = src.get(i);
                s.array().copyTo(dst.get(i).array());
                NDArray[] slots = from.optimizer().slots().get(s.name());
                if (slots == null) {
                    continue;
                }
                NDArray[] copy = new NDArray[slots.length];
                for (int k = 0; k < slots.length; k++) {
                    copy[k] = manager.zeros(slots[k].getShape(), slots[k].getDataType());
                    slots[k].copyTo(copy[k]);
                }
                to.optimizer().restore(s.name(), copy, from.optimizer().updates().get(s.name()));
            }
        }
    }
}
