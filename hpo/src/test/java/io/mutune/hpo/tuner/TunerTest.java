package io.mutune.hpo.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TunerTest {
    static final SearchSpace SPACE = SearchSpace.fromSpec(Map.of(
            "x", Map.of("float", List.of(-5.0, 10.0)),
            "y", Map.of("float", List.of(0.0, 15.0))));

    static Tuner tuner(String searcher, long seed, int maxTrials) {
        return Tuner.create(SPACE, Searchers.byName(searcher, SPACE, Map.of()),
                new TunerSettings(seed, maxTrials, 100, "w256", "min"));
    }

    static double objective(Configuration c) {
        return Math.pow(c.getDouble("x") - 1, 2) + Math.pow(c.getDouble("y") - 2, 2);
    }

    /** Asks up to {@code batch} trials, then tells them all, until done or {@code rounds} are used. */
    static void drive(Tuner t, int batch, int rounds) {
        for (int r = 0; r < rounds && !t.isFinished(); r++) {
            List<TrialRequest> asked = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                t.ask().ifPresent(asked::add);
            }
            for (TrialRequest q : asked) {
                t.tell(TrialReport.completed(q.trialId(), q.toResource(), objective(q.config())));
            }
        }
    }

    @Test
    void idsAndBudget() {
        Tuner t = tuner("random", 1, 3);
        TrialRequest a = t.ask().orElseThrow();
        assertEquals("w256-t0000", a.trialId());
        assertEquals(0, a.fromResource());
        assertEquals(100, a.toResource());
        assertEquals(null, a.resumeFromTrialId());
        assertEquals("w256-t0001", t.ask().orElseThrow().trialId());
        assertEquals("w256-t0002", t.ask().orElseThrow().trialId());
        assertEquals(Optional.empty(), t.ask());
        assertTrue(!t.isFinished());
        t.tell(TrialReport.completed("w256-t0000", 100, 1.0));
        t.tell(new TrialReport("w256-t0001", 40, Double.NaN, TrialReport.Outcome.COMPLETED, "loss NaN"));
        t.tell(new TrialReport("w256-t0002", 0, Double.NaN, TrialReport.Outcome.FAILED, "OOM"));
        assertTrue(t.isFinished());
        assertEquals(TrialStatus.DIVERGED, t.trials().get("w256-t0001").status());
        assertEquals(TrialStatus.FAILED, t.trials().get("w256-t0002").status());
        assertEquals("w256-t0000", t.best().orElseThrow().trialId());
    }

    @Test
    void duplicateAndUnknownReportsAreRejected() {
        Tuner t = tuner("random", 1, 3);
        TrialRequest a = t.ask().orElseThrow();
        t.tell(TrialReport.completed(a.trialId(), 100, 1.0));
        assertThrows(IllegalStateException.class, () -> t.tell(TrialReport.completed(a.trialId(), 100, 1.0)));
        assertThrows(IllegalStateException.class, () -> t.tell(TrialReport.completed("w256-t0099", 100, 1.0)));
        TrialRequest b = t.ask().orElseThrow();
        assertThrows(IllegalArgumentException.class, () -> t.tell(TrialReport.completed(b.trialId(), 50, 1.0)));
    }

    @Test
    void sameSeedSameSuggestionsOtherSeedOthers() {
        Tuner a = tuner("random", 42, 20);
        Tuner b = tuner("random", 42, 20);
        Tuner c = tuner("random", 43, 20);
        drive(a, 4, 5);
        drive(b, 4, 5);
        drive(c, 4, 5);
        assertEquals(a.events(), b.events());
        assertNotEquals(a.events(), c.events());
    }

    @Test
    void replayRebuildsStateAndTheSameNextSuggestions() {
        Tuner original = tuner("random", 9, 30);
        drive(original, 4, 3);
        TrialRequest pending = original.ask().orElseThrow(); // still running when the driver dies
        List<TunerEvent> journal = original.events();

        Tuner resumed = tuner("random", 9, 30);
        resumed.replay(journal);
        assertEquals(journal, resumed.events());
        assertEquals(TrialStatus.RUNNING, resumed.trials().get(pending.trialId()).status());
        assertEquals(original.trials().size(), resumed.trials().size());
        for (int i = 0; i < 5; i++) {
            assertEquals(original.ask(), resumed.ask());
        }
        resumed.tell(TrialReport.completed(pending.trialId(), 100, 3.0));
        original.tell(TrialReport.completed(pending.trialId(), 100, 3.0));
        assertEquals(original.events(), resumed.events());
    }

    @Test
    void replayNeedsAFreshTuner() {
        Tuner t = tuner("random", 9, 30);
        drive(t, 2, 1);
        assertThrows(IllegalStateException.class, () -> t.replay(t.events()));
    }

    @Test
    void divergedTrialsReachTheSearcherAsTheWorstValueSeen() {
        Tuner t = tuner("random", 5, 10);
        TrialRequest a = t.ask().orElseThrow();
        TrialRequest b = t.ask().orElseThrow();
        TrialRequest c = t.ask().orElseThrow();
        t.tell(TrialReport.completed(a.trialId(), 100, 2.0));
        t.tell(TrialReport.completed(b.trialId(), 100, 7.0));
        t.tell(TrialReport.completed(c.trialId(), 100, Double.POSITIVE_INFINITY));
        SearchHistory h = SearchHistory.of(SPACE, 3, t.trials(), t.settings());
        assertEquals(List.of(2.0, 7.0, 7.0), h.observations().stream().map(Observation::score).toList());
        assertTrue(h.observations().get(2).diverged());
    }

    @Test
    void maxModeNegatesScores() {
        Tuner t = Tuner.create(SPACE, Searchers.byName("random", SPACE, null), new TunerSettings(1, 5, 10, "p", "max"));
        TrialRequest a = t.ask().orElseThrow();
        TrialRequest b = t.ask().orElseThrow();
        t.tell(TrialReport.completed(a.trialId(), 10, 0.9));
        t.tell(TrialReport.completed(b.trialId(), 10, 0.5));
        assertEquals(a.trialId(), t.best().orElseThrow().trialId());
    }

    @Test
    void settingsRejectBadValues() {
        assertThrows(IllegalArgumentException.class, () -> new TunerSettings(1, 0, 10, "p", "min"));
        assertThrows(IllegalArgumentException.class, () -> new TunerSettings(1, 1, 10, "p", "minimize"));
        assertThrows(IllegalArgumentException.class, () -> new TunerSettings(1, 1, 0, "p", "min"));
        assertThrows(IllegalArgumentException.class, () -> Searchers.byName("hyperopt", SPACE, null));
    }
}
