package io.mutune.connectors.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The never-downgrade rule on its own; every engine applies it through {@link RecommendationTableV2Contract}. */
class NeverDowngradeTest {
    private static RecommendationRow lr(String sweep, String verdict, int trials, int points) {
        return Recs.judged("lr", 2048, 0.01, sweep, verdict, trials, points).withVersion(1, Recs.row("lr", 1, 1, "x").createdAt());
    }

    @Test
    void aWeakerVerdictIsKeptWhateverItsEvidence() {
        String why = NeverDowngrade.weaker(lr("proxy", "fitted", 64, 3), lr("big", "insufficient", 900, 9));
        assertTrue(why.contains("kept the fitted row of sweep proxy (version 1)") && why.contains("weaker verdict"), why);
        assertTrue(NeverDowngrade.weaker(lr("proxy", "transfers_as_is", 64, 3), lr("t", "insufficient", 64, 3)) != null);
        assertTrue(NeverDowngrade.weaker(lr("old", "transfer_holds", 64, 3), lr("t", "insufficient", 64, 3)) != null,
                "the first mutune's name for transfers_as_is ranks the same");
    }

    @Test
    void atAnEqualVerdictFewerTrialsOrFewerScalePointsAreKept() {
        String why = NeverDowngrade.weaker(lr("a", "fitted", 256, 4), lr("b", "transfers_as_is", 255, 4));
        assertTrue(why.contains("less evidence (255 trials at 4 scale points against 256 trials at 4 scale points)"), why);
        assertTrue(NeverDowngrade.weaker(lr("a", "fitted", 256, 4), lr("b", "fitted", 512, 3)) != null);
        assertTrue(NeverDowngrade.weaker(lr("a", "insufficient", 64, 1), lr("b", "insufficient", 8, 1)) != null);
        assertNull(NeverDowngrade.weaker(lr("a", "fitted", 256, 4), lr("b", "fitted", 256, 4)), "as much evidence replaces");
        assertNull(NeverDowngrade.weaker(lr("a", "fitted", 256, 4), lr("b", "fitted", 300, 5)));
    }

    @Test
    void aStrongerVerdictReplacesEvenOnFewerTrials() {
        assertNull(NeverDowngrade.weaker(lr("a", "insufficient", 512, 1), lr("b", "fitted", 64, 3)));
    }

    @Test
    void aPlanWritesNewKeysAndStrongerRowsKeepsWeakerOnesAndForceWritesAll() {
        RecommendationRow current = lr("proxy", "fitted", 256, 4);
        RecommendationRow weaker = lr("target", "insufficient", 16, 1);
        RecommendationRow newKey = Recs.judged("init_std", 2048, 0.02, "target", "insufficient", 16, 1);
        NeverDowngrade.Plan plan = NeverDowngrade.plan(List.of(current), List.of(weaker, newKey), false);
        assertEquals(List.of(newKey), plan.write());
        assertEquals(List.of(), plan.replaced());
        assertEquals(List.of(current), plan.kept().stream().map(KeptRow::current).toList());
        NeverDowngrade.Plan forced = NeverDowngrade.plan(List.of(current), List.of(weaker, newKey), true);
        assertEquals(List.of(weaker, newKey), forced.write());
        assertEquals(List.of(current), forced.replaced());
        assertEquals(List.of(), forced.kept());
    }
}
