package io.mutune.jobs.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationStatistics;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.spec.SweepSpecParser;
import io.mutune.transfer.rules.LossPrediction;
import io.mutune.transfer.recommend.Recommendation;
import io.mutune.transfer.recommend.Sensitivity;
import io.mutune.transfer.recommend.Verdict;
import io.mutune.transfer.rules.NoiseEstimate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The mapping of transfer's recommendations onto the table's rows. */
class FitJobTest {
    private static final SweepSpec SPEC = SweepSpecParser.parse("""
            sweep: fit-test
            seed: 3
            proxy: {model: mlp, parametrization: mup}
            scales: {width: [32, 64]}
            search:
              space: {lr: {float: [1.0e-4, 1.0], log: true}}
              resource: {max: 10}
              trials_per_scale: 4
            targets: [{width: 1024}]
            output: {trials: "delta:/tmp/t", recommendations: "delta:/tmp/r", checkpoints: "file:/tmp/c"}
            """);

    private static Recommendation lr(NoiseEstimate noise, Double confidence, Double p, LossPrediction loss, Sensitivity cost) {
        return new Recommendation("lr", Map.of("width", 1024.0), 0.004, 0.003, 0.006, "log lr = c + a_width*log(width)",
                Map.of("c", -2.0, "a_width", -0.5), Map.of(), 48, 2, 0.1, 0.05, Verdict.FITTED, List.of(), null, noise,
                confidence, p, "the width exponent's interval excludes 0", loss, cost);
    }

    @Test
    void theNoiseVerdictConfidenceFitPredictedLossAndSensitivityGoIntoTheirColumns() {
        Recommendation r = lr(new NoiseEstimate(0.047, 0.031, 0.09, 14, 6), 0.93, 0.41,
                new LossPrediction(0.512, 0.497, 0.531, "log loss = 1 - 0.1*log(width)"), new Sensitivity(Map.of("width", 64.0), 0.012, 0.034));
        RecommendationRow row = FitJob.toRows(SPEC, "fit-1", List.of(r)).get(0);
        assertEquals(new RecommendationStatistics(0.047, 0.031, 0.09, 14, 0.93, 0.41, "the width exponent's interval excludes 0",
                0.512, 0.497, 0.531, 0.012, 0.034), row.statistics());
        assertEquals("fitted", row.verdict());
        assertEquals(Map.of("intercept", -2.0, "width", -0.5), row.coefficients());
        assertNull(row.validation(), "a fit is not validated");
    }

    /** What transfer marks as unmeasured (unknown noise, NaN cost outside the range, no loss law) is NULL, never NaN. */
    @Test
    void whatWasNotMeasuredIsNull() {
        Recommendation r = lr(NoiseEstimate.UNKNOWN, null, null, null, new Sensitivity(Map.of("width", 64.0), Double.NaN, 0.02));
        RecommendationStatistics s = FitJob.toRows(SPEC, "fit-1", List.of(r)).get(0).statistics();
        assertNull(s.noiseSd());
        assertNull(s.noiseSdLower());
        assertNull(s.noiseDf());
        assertNull(s.verdictConfidence());
        assertNull(s.fitPValue());
        assertNull(s.predictedLoss());
        assertNull(s.predictedLossUpper());
        assertNull(s.sensitivityHalf());
        assertEquals(0.02, s.sensitivityDouble());
    }
}
