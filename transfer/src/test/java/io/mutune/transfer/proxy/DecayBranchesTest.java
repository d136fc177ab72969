package io.mutune.transfer.proxy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.rules.TrialObservation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** WSD reuse: a run at the longest horizon branches the shorter horizons' decays and reports their losses. */
class DecayBranchesTest {
    static final long MAX = 1000;
    static final Map<String, List<Double>> SCALES = Map.of("width", List.of(64.0), "tokens", List.of(3200.0, 6400.0, 12800.0));

    static Map<String, Object> spec(Map<String, Object> schedule) {
        Map<String, Object> s = MlpProxyRunnerTest.spec("mup");
        s.put("batch_size", 32);
        s.put("schedule", schedule);
        return s;
    }

    static final Map<String, Object> WSD = Map.of("kind", "wsd", "warmup_steps", 10, "decay_fraction", 0.2);

    static TrialSegment seg(double tokens, long from, long to) {
        return new TrialSegment("b", new Configuration(Map.of("lr", 3e-3)), Map.of("width", 64.0, "tokens", tokens),
                from, to, null, null, 9L);
    }

    @Test
    void theBranchedDecayReachesTheLossOfAnIndependentRun() throws Exception {
        TrialRunner r = ProxyRunners.forSweep(spec(WSD), SCALES, MAX);
        // batch 32: horizons of 100, 200 and 400 steps; their decays start at 80 and 160, where the factor is still 1,
        // so the schedules part after step 80 and 160
        SegmentResult longest = r.run(seg(12800, 0, MAX), TrialContext.cpu());
        SegmentResult shortest = r.run(seg(3200, 0, MAX), TrialContext.cpu());
        SegmentResult middle = r.run(seg(6400, 0, MAX), TrialContext.cpu());
        assertEquals(shortest.metrics().get("val_loss"), longest.metrics().get("val_loss@tokens=3200"));
        assertEquals(middle.metrics().get("val_loss"), longest.metrics().get("val_loss@tokens=6400"));
        assertEquals(19.0 + 39.0, longest.metrics().get(BranchMetrics.BRANCH_STEPS), "the branches train only the decays");
        // the run itself is unchanged by its branches, and the shorter horizons do not branch
        assertFalse(shortest.metrics().containsKey(BranchMetrics.BRANCH_STEPS));
        SegmentResult alone = ProxyRunners.forSweep(spec(WSD), Map.of("width", List.of(64.0), "tokens", List.of(12800.0)), MAX)
                .run(seg(12800, 0, MAX), TrialContext.cpu());
        assertEquals(alone.metrics().get("val_loss"), longest.metrics().get("val_loss"));
    }

    @Test
    void eachBranchIsReportedByTheSegmentThatPassesItsStart() throws Exception {
        TrialRunner r = ProxyRunners.forSweep(spec(WSD), SCALES, MAX);
        // [0, 250) of 400 steps is steps 0..100: the branch of 3200 tokens (from step 81), not that of 6400 (from 161)
        SegmentResult first = r.run(seg(12800, 0, 250), TrialContext.cpu());
        SegmentResult second = r.run(seg(12800, 250, MAX), TrialContext.cpu());
        assertTrue(first.metrics().containsKey("val_loss@tokens=3200"));
        assertFalse(first.metrics().containsKey("val_loss@tokens=6400"));
        assertTrue(second.metrics().containsKey("val_loss@tokens=6400"));
        assertFalse(second.metrics().containsKey("val_loss@tokens=3200"));
    }

    @Test
    void onlyPrefixSharingSchedulesBranch() {
        List<Map<String, Double>> points = List.of(Map.of("width", 64.0, "tokens", 3200.0), Map.of("width", 64.0, "tokens", 12800.0));
        assertEquals(List.of(points.get(1)), ProxyRunners.tunedScalePoints(spec(WSD), points));
        Map<String, Object> cosine = Map.of("kind", "cosine", "warmup_steps", 10);
        assertEquals(points, ProxyRunners.tunedScalePoints(spec(cosine), points));
        Map<String, Object> fraction = Map.of("kind", "wsd", "warmup_fraction", 0.05);
        assertEquals(points, ProxyRunners.tunedScalePoints(spec(fraction), points));
        Map<String, Object> off = new HashMap<>(WSD);
        off.put("reuse", false);
        assertEquals(points, ProxyRunners.tunedScalePoints(spec(off), points));
    }

    @Test
    void branchMetricsBecomeObservationsAtTheirHorizons() {
        Map<String, Double> metrics = Map.of("val_loss", 0.5, "val_loss@tokens=3200", 0.7, "train_loss@tokens=3200", 0.69,
                "val_loss@tokens=6400", Double.NaN, BranchMetrics.BRANCH_STEPS, 60.0);
        List<TrialObservation> obs = BranchMetrics.observations("w64-3", Map.of("width", 64.0, "tokens", 12800.0),
                new Configuration(Map.of("lr", 0.01)), metrics, "val_loss", MAX).stream()
                .sorted(java.util.Comparator.comparing(TrialObservation::trialId)).toList();
        assertEquals(2, obs.size());
        assertEquals("w64-3@tokens=3200", obs.get(0).trialId());
        assertEquals(Map.of("width", 64.0, "tokens", 3200.0), obs.get(0).scale());
        assertEquals(0.7, obs.get(0).metric());
        assertEquals(MAX, obs.get(0).resource());
        assertTrue(obs.get(1).isDiverged(), "a branch that diverged is a diverged observation");
    }
}
