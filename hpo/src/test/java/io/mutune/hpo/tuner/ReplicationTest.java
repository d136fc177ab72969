package io.mutune.hpo.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.schedule.Schedulers;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Seed replicates and confirmation: who gets extra seeds, what searchers see, and what the tuner picks. */
class ReplicationTest {
    private static final SearchSpace SPACE = TunerTest.SPACE;

    private static Tuner tuner(String algorithm, int trials, Replication replication) {
        TunerSettings settings = new TunerSettings(7, trials, 100, "w64", "min", replication);
        return Tuner.create(SPACE, Searchers.byName(algorithm, SPACE, Map.of()),
                Schedulers.byName(algorithm, SPACE, 100, 100, 3, Map.of()), settings);
    }

    /** A metric that depends on the replicate: replicate 0 of trial 0 is lucky by 0.5. */
    private static double metric(TrialRequest q) {
        double luck = q.number() == 0 && q.replicate() == 0 ? -0.5 : 0.1 * ((q.replicate() * 7 + q.number()) % 3 - 1);
        return 10 + q.number() * 0.2 + luck;
    }

    /** Runs the tuner to the end, one request at a time; returns every request in order. */
    private static List<TrialRequest> run(Tuner t) {
        List<TrialRequest> asked = new ArrayList<>();
        while (!t.isFinished()) {
            TrialRequest q = t.ask().orElseThrow(() -> new AssertionError("not finished but nothing to ask"));
            asked.add(q);
            t.tell(TrialReport.of(q, q.toResource(), metric(q), TrialReport.Outcome.COMPLETED, null));
        }
        return asked;
    }

    @Test
    void everyCompletedConfigurationGetsItsReplicatesWithTheSameConfigurationFromScratch() {
        Tuner t = tuner("random", 4, new Replication(3, 0, 0));
        List<TrialRequest> asked = run(t);
        assertEquals(12, asked.size());
        Map<String, Set<Integer>> replicates = new HashMap<>();
        for (TrialRequest q : asked) {
            replicates.computeIfAbsent(q.trialId(), k -> new HashSet<>()).add(q.replicate());
            assertEquals(0, q.fromResource());
            assertEquals(100, q.toResource());
            assertEquals(t.trials().get(q.trialId()).config(), q.config());
        }
        replicates.values().forEach(r -> assertEquals(Set.of(0, 1, 2), r));
        FinalRuns runs = FinalRuns.of(t.trials().get("w64-t0000"), 100);
        assertEquals(3, runs.count());
    }

    @Test
    void searchersSeeTheMeanOfTheReplicatesWithTheirCount() {
        List<Observation> seen = new ArrayList<>();
        Searcher recording = new Searcher() {
            @Override
            public Configuration suggest(SearchHistory history, SplittableRandom random) {
                seen.clear();
                seen.addAll(history.observations());
                return SPACE.sample(random);
            }

            @Override
            public String name() {
                return "recording";
            }
        };
        Tuner t = Tuner.create(SPACE, recording, new TunerSettings(7, 3, 100, "w64", "min", new Replication(2, 0, 0)));
        List<TrialRequest> asked = new ArrayList<>();
        for (int i = 0; i < 4; i++) { // trial 0, its replicate, trial 1, its replicate
            TrialRequest q = t.ask().orElseThrow();
            asked.add(q);
            t.tell(TrialReport.of(q, 100, metric(q), TrialReport.Outcome.COMPLETED, null));
        }
        t.ask(); // trial 2: the searcher sees trials 0 and 1, each the mean of two runs
        assertEquals(2, seen.size());
        assertEquals(2, seen.get(0).runs());
        double mean0 = (metric(asked.get(0)) + metric(asked.get(1))) / 2;
        assertEquals(mean0, seen.get(0).score(), 1e-12);
    }

    @Test
    void aDivergedReplicateMakesTheConfigurationDivergedForSearcherAndPick() {
        Tuner t = tuner("random", 2, new Replication(2, 0, 0));
        TrialRequest a = t.ask().orElseThrow();
        t.tell(TrialReport.of(a, 100, 1.0, TrialReport.Outcome.COMPLETED, null));
        TrialRequest ar = t.ask().orElseThrow();
        assertEquals(1, ar.replicate());
        t.tell(TrialReport.of(ar, 60, Double.NaN, TrialReport.Outcome.COMPLETED, "loss NaN"));
        TrialRequest b = t.ask().orElseThrow();
        t.tell(TrialReport.of(b, 100, 5.0, TrialReport.Outcome.COMPLETED, null));
        TrialRequest br = t.ask().orElseThrow();
        t.tell(TrialReport.of(br, 100, 5.2, TrialReport.Outcome.COMPLETED, null));
        assertTrue(t.isFinished());
        Pick p = t.pick().orElseThrow();
        assertEquals(b.trialId(), p.trial().trialId(), "the trial with a diverged seed must not win on its good one");
        assertEquals(5.1, p.meanMetric(), 1e-12);
        assertEquals(2, p.runs());
    }

    @Test
    void confirmationRetrainsTheTopKWithFreshSeedsAndThePickIsAmongThem() {
        Tuner t = tuner("random", 5, new Replication(1, 2, 3));
        List<TrialRequest> asked = run(t);
        List<TrialRequest> confirmations = asked.stream().filter(TrialRequest::isReplicate).toList();
        assertEquals(6, confirmations.size(), "2 configurations x 3 fresh seeds");
        // the search ran all 5 trials before any confirmation
        for (int i = 0; i < 5; i++) {
            assertFalse(asked.get(i).isReplicate());
        }
        // trial 0 (lucky single run, 9.5) and trial 1 (10.2 +- luck) are the two best by single runs
        Set<String> confirmed = new HashSet<>();
        confirmations.forEach(q -> confirmed.add(q.trialId()));
        assertEquals(Set.of("w64-t0000", "w64-t0001"), confirmed);
        assertEquals(Set.of(1, 2, 3), new HashSet<>(confirmations.stream().filter(q -> q.trialId().equals("w64-t0000"))
                .map(TrialRequest::replicate).toList()));
        Pick p = t.pick().orElseThrow();
        assertEquals(4, p.runs());
        assertTrue(confirmed.contains(p.trial().trialId()));
    }

    @Test
    void replayInTheMiddleOfConfirmationAsksTheSameAndRunsNothingTwice() {
        Tuner a = tuner("tpe", 6, new Replication(2, 2, 2));
        List<TrialRequest> done = new ArrayList<>();
        while (done.stream().filter(q -> q.replicate() >= 2).count() < 2) {
            TrialRequest q = a.ask().orElseThrow();
            done.add(q);
            a.tell(TrialReport.of(q, 100, metric(q), TrialReport.Outcome.COMPLETED, null));
        }
        TrialRequest inFlight = a.ask().orElseThrow(); // a confirmation run the "dead driver" left running
        Tuner b = tuner("tpe", 6, new Replication(2, 2, 2));
        b.replay(a.events());
        a.tell(TrialReport.of(inFlight, 100, metric(inFlight), TrialReport.Outcome.COMPLETED, null));
        b.tell(TrialReport.of(inFlight, 100, metric(inFlight), TrialReport.Outcome.COMPLETED, null));
        List<TrialRequest> restA = run(a);
        List<TrialRequest> restB = run(b);
        assertEquals(restA, restB);
        Set<String> seen = new HashSet<>();
        for (TunerEvent e : b.events()) {
            if (e.kind() == TunerEvent.Kind.ASK) {
                assertTrue(seen.add(e.trialId() + "#" + e.replicate() + "@" + e.fromResource()), "asked twice: " + e);
            }
        }
        assertEquals(a.pick().orElseThrow().trial().trialId(), b.pick().orElseThrow().trial().trialId());
    }

    @Test
    void pbtReplicatesReplayTheWinningScheduleFromTheirOwnCheckpoints() {
        SearchSpace space = SearchSpace.fromSpec(Map.of("lr", Map.of("float", List.of(1e-4, 1e-1), "log", true)));
        TunerSettings settings = new TunerSettings(3, 4, 90, "w64", "min", new Replication(1, 1, 1));
        Tuner t = Tuner.create(space, Searchers.byName("pbt", space, Map.of()),
                Schedulers.byName("pbt", space, 30, 90, 3, Map.of("interval", 30)), settings);
        List<TrialRequest> replicateSegments = new ArrayList<>();
        while (!t.isFinished()) {
            TrialRequest q = t.ask().orElseThrow();
            if (q.isReplicate()) {
                replicateSegments.add(q);
            }
            // the member with the lowest lr does best, so the others copy it and their schedules mix
            double loss = Math.log(q.config().getDouble("lr")) + 0.01 * q.toResource();
            t.tell(TrialReport.of(q, q.toResource(), loss, TrialReport.Outcome.COMPLETED, null));
        }
        TrialState winner = ReplicatePlanner.confirmSet(t.trials(), settings).get(0);
        List<ScheduleStep> schedule = winner.schedule();
        assertTrue(schedule.size() > 1, "the winner's schedule should have changed lr along the way: " + schedule);
        assertEquals(schedule.size(), replicateSegments.size());
        for (int i = 0; i < schedule.size(); i++) {
            TrialRequest q = replicateSegments.get(i);
            assertEquals(winner.trialId(), q.trialId());
            assertEquals(schedule.get(i).fromResource(), q.fromResource());
            assertEquals(schedule.get(i).toResource(), q.toResource());
            assertEquals(schedule.get(i).config(), q.config());
            assertEquals(i == 0 ? null : winner.trialId(), q.resumeFromTrialId(), "a replicate resumes only its own checkpoint");
            assertEquals(null, q.parentTrialId());
        }
        assertEquals(0, schedule.get(0).fromResource());
        assertEquals(90, schedule.get(schedule.size() - 1).toResource());
    }

    @Test
    void badReplicationNamesTheSpecField() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Replication(0, 0, 0))
                .getMessage().startsWith("search.replicates:"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> new Replication(1, 2, -1))
                .getMessage().startsWith("search.confirm.seeds:"));
        assertTrue(assertThrows(IllegalArgumentException.class,
                () -> new TunerSettings(1, 4, 100, "w64", "min", new Replication(1, 5, 2)))
                .getMessage().startsWith("search.confirm.top_k:"));
    }

    @Test
    void oneEpochTopKTrainsAllAtTheLowResourceThenOnlyTheBestToTheEnd() {
        TunerSettings settings = new TunerSettings(5, 9, 81, "w64", "min");
        Tuner t = Tuner.create(SPACE, Searchers.byName("topk", SPACE, Map.of()),
                Schedulers.byName("topk", SPACE, 3, 81, 3, Map.of("top_k", 3)), settings);
        List<TrialRequest> asked = new ArrayList<>();
        Optional<TrialRequest> q;
        while (!t.isFinished()) {
            q = t.ask();
            TrialRequest r = q.orElseThrow();
            asked.add(r);
            t.tell(TrialReport.completed(r.trialId(), r.toResource(), TunerTest.objective(r.config())));
        }
        assertEquals(12, asked.size());
        for (int i = 0; i < 9; i++) {
            assertEquals(3, asked.get(i).toResource());
        }
        List<String> best3 = t.trials().trials().stream()
                .sorted(java.util.Comparator.comparingDouble(s -> s.metricAt(3))).limit(3).map(TrialState::trialId).toList();
        assertEquals(Set.copyOf(best3), Set.copyOf(asked.subList(9, 12).stream().map(TrialRequest::trialId).toList()));
        asked.subList(9, 12).forEach(r -> assertEquals(81, r.toResource()));
        assertEquals(6, t.trials().trials().stream().filter(s -> s.status() == TrialStatus.STOPPED).count());
    }
}
