package io.mutune.transfer.recommend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.transfer.rules.SyntheticSweep;
import io.mutune.transfer.rules.TrialObservation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecommenderTest {

    private static final double[] WIDTHS = {64, 128, 256, 512};
    private static final double[] GRID = SyntheticSweep.logGrid(1e-5, 1, 16);
    private static final Map<String, Double> TARGET = Map.of("width", 4096.0);

    private static RecommenderSettings settings(String parametrization) {
        return new RecommenderSettings(7, 200, 0.0025, parametrization);
    }

    @Test
    void widthInvariantOptimumUnderMupTransfersAsIs() {
        List<TrialObservation> trials = new SyntheticSweep(3e-3, 0.0, 0.05, 0.002, 2.0, GRID, 2).trials(WIDTHS, 1);
        Recommendation r = Recommender.recommend(trials, List.of("lr"), List.of(TARGET), settings("mup")).get(0);
        assertEquals(Verdict.TRANSFERS_AS_IS, r.verdict());
        assertEquals("log lr = c", r.ruleForm());
        assertEquals(Math.log(3e-3), Math.log(r.value()), 0.15);
        assertTrue(r.lower() <= r.value() && r.value() <= r.upper());
        assertEquals(4, r.scalePoints());
        assertEquals(4, r.evidence().size());
        assertNotNull(r.validationLogError());
        assertEquals(0, r.validationLogError(), 0.3);
    }

    @Test
    void drivingOptimumUnderSpIsFittedWithItsExponent() {
        List<TrialObservation> trials = new SyntheticSweep(0.5, -1.0, 0.05, 0.002, 2.0, GRID, 2).trials(WIDTHS, 2);
        Recommendation r = Recommender.recommend(trials, List.of("lr"), List.of(TARGET), settings("sp")).get(0);
        assertEquals(Verdict.FITTED, r.verdict());
        assertEquals(-1.0, r.coefficients().get("a_width"), 0.1);
        double[] ci = r.coefficientIntervals().get("a_width");
        assertTrue(ci[0] < -0.8 && ci[1] > -1.2 && ci[1] < 0, ci[0] + " " + ci[1]);
        assertEquals(Math.log(0.5 / 4096), Math.log(r.value()), 0.3);
    }

    @Test
    void widthInvariantOptimumUnderSpIsStillFitted() {
        List<TrialObservation> trials = new SyntheticSweep(3e-3, 0.0, 0.05, 0.002, 2.0, GRID, 2).trials(WIDTHS, 3);
        Recommendation r = Recommender.recommend(trials, List.of("lr"), List.of(TARGET), settings("sp")).get(0);
        assertEquals(Verdict.FITTED, r.verdict(), "only muP-family parametrizations promise transfer as is");
        assertTrue(r.coefficients().containsKey("a_width"));
    }

    @Test
    void drivingOptimumUnderMupIsFittedNotTransferred() {
        List<TrialObservation> trials = new SyntheticSweep(0.5, -0.5, 0.05, 0.002, 2.0, GRID, 2).trials(WIDTHS, 4);
        Recommendation r = Recommender.recommend(trials, List.of("lr"), List.of(TARGET), settings("mup")).get(0);
        assertEquals(Verdict.FITTED, r.verdict());
        assertEquals(-0.5, r.coefficients().get("a_width"), 0.1);
    }

    @Test
    void twoScalePointsAreInsufficient() {
        List<TrialObservation> trials = new SyntheticSweep(3e-3, 0.0, 0.05, 0.002, 2.0, GRID, 1).trials(new double[] {64, 128}, 5);
        Recommendation r = Recommender.recommend(trials, List.of("lr"), List.of(TARGET), settings("mup")).get(0);
        assertEquals(Verdict.INSUFFICIENT, r.verdict());
        assertTrue(r.ruleForm().startsWith("insufficient"), r.ruleForm());
        assertEquals(r.evidence().get(1).value(), r.value(), 0, "falls back to the largest proxy's optimum");
    }

    @Test
    void recommendationRoundTripsThroughJson() {
        List<TrialObservation> trials = new SyntheticSweep(0.5, -1.0, 0.05, 0.002, 2.0, GRID, 1).trials(WIDTHS, 6);
        Recommendation r = Recommender.recommend(trials, List.of("lr"), List.of(TARGET), settings("sp")).get(0);
        Recommendation back = Recommendation.fromJson(r.toJson());
        assertEquals(r.value(), back.value(), 0);
        assertEquals(r.verdict(), back.verdict());
        assertEquals(r.coefficients(), back.coefficients());
        assertArrayEquals(r.coefficientIntervals().get("a_width"), back.coefficientIntervals().get("a_width"));
        assertEquals(r.evidence(), back.evidence());
        assertEquals(r.targetScale(), back.targetScale());
        assertEquals(r.validationLogError(), back.validationLogError());
    }

    @Test
    void insufficientRecommendationWithNoCompletedTrialRoundTrips() {
        List<TrialObservation> trials = new SyntheticSweep(1e-9, 0.0, 0.05, 0.002, -100, GRID, 1).trials(WIDTHS, 7);
        Recommendation r = Recommender.recommend(trials, List.of("lr"), List.of(TARGET), settings("mup")).get(0);
        assertEquals(Verdict.INSUFFICIENT, r.verdict());
        assertTrue(Double.isNaN(r.value()));
        assertTrue(Double.isNaN(Recommendation.fromJson(r.toJson()).value()));
    }

    @Test
    void sameSeedSameRecommendation() {
        List<TrialObservation> trials = new SyntheticSweep(0.5, -1.0, 0.05, 0.002, 2.0, GRID, 1).trials(WIDTHS, 8);
        Recommendation a = Recommender.recommend(trials, List.of("lr"), List.of(TARGET), settings("sp")).get(0);
        Recommendation b = Recommender.recommend(trials, List.of("lr"), List.of(TARGET), settings("sp")).get(0);
        assertEquals(a.toJson(), b.toJson());
    }

    @Test
    void unknownHyperparameterIsNamed() {
        List<TrialObservation> trials = new SyntheticSweep(0.5, -1.0, 0.05, 0.002, 2.0, GRID, 1).trials(WIDTHS, 9);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Recommender.recommend(trials, List.of("momentum"), List.of(TARGET), settings("sp")));
        assertTrue(e.getMessage().contains("momentum"), e.getMessage());
    }

    @Test
    void targetWithoutTheRuleAxisIsNamed() {
        List<TrialObservation> trials = new SyntheticSweep(0.5, -1.0, 0.05, 0.002, 2.0, GRID, 1).trials(WIDTHS, 10);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Recommender.recommend(trials, List.of("lr"), List.of(Map.of("depth", 4.0)), settings("sp")));
        assertTrue(e.getMessage().contains("width"), e.getMessage());
    }

    @Test
    void configurationAtTargetHasEveryHyperparameter() {
        List<TrialObservation> trials = new SyntheticSweep(0.5, -1.0, 0.05, 0.002, 2.0, GRID, 1).trials(WIDTHS, 11);
        Map<String, Double> other = Map.of("width", 1024.0);
        List<Recommendation> rs = Recommender.recommend(trials, List.of("lr"), List.of(TARGET, other), settings("sp"));
        assertEquals(rs.get(1).value(), RecommendedConfiguration.at(rs, other).getDouble("lr"), 0);
        assertThrows(IllegalArgumentException.class, () -> RecommendedConfiguration.at(rs, Map.of("width", 1.0)));
        assertTrue(rs.get(0).value() < rs.get(1).value(), "SP: wider means smaller lr");
    }

    @Test
    void settingsRejectTooFewResamples() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new RecommenderSettings(1, 3, 0.0025, "mup"));
        assertTrue(e.getMessage().contains("3"));
        assertFalse(RecommenderSettings.defaults(1, "sp").muPFamily());
        assertTrue(RecommenderSettings.defaults(1, "depth-mup").muPFamily());
    }
}
