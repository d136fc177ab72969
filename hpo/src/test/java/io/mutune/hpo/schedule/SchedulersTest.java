package io.mutune.hpo.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.Scheduler;
import io.mutune.hpo.tuner.Searchers;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.Tuner;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchedulersTest {
    static final SearchSpace SPACE = SearchSpace.fromSpec(Map.of(
            "lr", Map.of("float", List.of(1e-4, 1.0), "log", true),
            "width", Map.of("int", List.of(1, 16))));

    static Tuner tuner(Scheduler s, int maxTrials, long max) {
        return Tuner.create(SPACE, Searchers.byName("random", SPACE, null), s, new TunerSettings(7, maxTrials, max, "m", "min"));
    }

    static TrialRequest ask(Tuner t) {
        return t.ask().orElseThrow(() -> new AssertionError("expected work, got none"));
    }

    static void tell(Tuner t, TrialRequest r, double metric) {
        t.tell(TrialReport.completed(r.trialId(), r.toResource(), metric));
    }

    @Test
    void rungLevels() {
        assertEquals(List.of(1L, 3L, 9L, 27L, 81L), new Rungs(1, 81, 3).levels());
        assertEquals(List.of(50L, 150L, 450L, 800L), new Rungs(50, 800, 3).levels());
        assertEquals(4, new Rungs(1, 81, 3).maxHalvings());
        assertThrows(IllegalArgumentException.class, () -> new Rungs(10, 5, 3));
        assertThrows(IllegalArgumentException.class, () -> new Rungs(1, 5, 1));
    }

    @Test
    void hyperbandBracketSizesMatchThePaper() {
        HyperbandScheduler hb = HyperbandScheduler.full(new Rungs(1, 81, 3), true);
        assertEquals(List.of(81, 34, 15, 8, 5), List.of(hb.bracketSize(0), hb.bracketSize(1), hb.bracketSize(2), hb.bracketSize(3), hb.bracketSize(4)));
    }

    @Test
    void hyperbandBracketsComeFromTheOptions() {
        HyperbandScheduler hb = (HyperbandScheduler) Schedulers.byName("hyperband", SPACE, 1, 81, 3, Map.of("brackets", List.of(2, 0)));
        assertEquals(15, hb.bracketSize(0));
        assertEquals(5, hb.bracketSize(1));
        assertEquals(15, hb.bracketSize(2));
        assertThrows(IllegalArgumentException.class, () -> Schedulers.byName("hyperband", SPACE, 1, 81, 3, Map.of("brackets", List.of(7))));
        Tuner t = tuner(hb, 100, 81);
        assertEquals(9, ask(t).toResource()); // s = 2 starts at 81 / 3^2
    }

    @Test
    void ashaPromotesTheTopThirdAsSoonAsARungHasEtaResults() {
        Tuner t = tuner(new AshaScheduler(new Rungs(1, 9, 3), 1), 20, 9);
        TrialRequest a = ask(t);
        TrialRequest b = ask(t);
        assertEquals(1, a.toResource());
        tell(t, a, 0.5);
        tell(t, b, 0.2);
        TrialRequest c = ask(t); // two results: no promotion yet, a new trial
        assertTrue(c.isFresh());
        tell(t, c, 0.9);
        TrialRequest p = ask(t); // three results: floor(3/3) = 1 promotion, the best (b)
        assertEquals(b.trialId(), p.trialId());
        assertEquals(1, p.fromResource());
        assertEquals(3, p.toResource());
        assertEquals(b.trialId(), p.resumeFromTrialId());
        TrialRequest d = ask(t); // b is running; nobody else is in the top third: new trial
        assertTrue(d.isFresh());
        tell(t, d, 0.1);
        TrialRequest q = ask(t); // four results, floor(4/3) = 1: d is now the best and waiting
        assertEquals(d.trialId(), q.trialId());
        assertEquals(3, q.toResource());
        tell(t, p, 0.15);
        tell(t, q, 0.05);
        // rung 3 has 2 results (< eta): nothing to promote to 9 yet; rung 1 top third already promoted
        TrialRequest e = ask(t);
        assertTrue(e.isFresh());
    }

    @Test
    void successiveHalvingWaitsForTheWholeRungThenPromotesTheTopThird() {
        Tuner t = tuner(HyperbandScheduler.successiveHalving(new Rungs(1, 9, 3)), 9, 9);
        List<TrialRequest> first = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            first.add(ask(t));
        }
        assertEquals(Optional.empty(), t.ask());
        double[] metric = {0.9, 0.1, 0.8, 0.3, 0.7, 0.2, 0.6, 0.5, 0.4};
        for (int i = 0; i < 8; i++) {
            tell(t, first.get(i), metric[i]);
        }
        assertEquals(Optional.empty(), t.ask()); // synchronous: one result still missing
        tell(t, first.get(8), metric[8]);
        List<String> promoted = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            TrialRequest r = ask(t);
            assertEquals(3, r.toResource());
            promoted.add(r.trialId());
        }
        assertEquals(List.of("m-t0001", "m-t0005", "m-t0003"), promoted);
        // the six below the cut can never be resumed: they are stopped, not left paused
        assertEquals(6, t.trials().trials().stream().filter(x -> x.status() == io.mutune.hpo.tuner.TrialStatus.STOPPED).count());
        assertEquals(Optional.empty(), t.ask());
        t.tell(TrialReport.completed("m-t0001", 3, 0.05));
        t.tell(TrialReport.completed("m-t0005", 3, 0.01));
        t.tell(TrialReport.completed("m-t0003", 3, Double.NaN)); // diverged: counted, never promoted
        TrialRequest top = ask(t);
        assertEquals("m-t0005", top.trialId());
        assertEquals(9, top.toResource());
        assertEquals(io.mutune.hpo.tuner.TrialStatus.STOPPED, t.trials().get("m-t0001").status());
        tell(t, top, 0.001);
        assertTrue(t.isFinished());
    }

    @Test
    void schedulerStateSurvivesAReplayInTheMiddleOfABracket() {
        for (String name : List.of("asha", "hyperband", "pbt")) {
            Scheduler s = Schedulers.byName(name, SPACE, 1, 27, 3, Map.of("interval", 3));
            Tuner original = tuner(s, 30, 27);
            List<TrialRequest> running = new ArrayList<>();
            for (int step = 0; step < 40; step++) {
                Optional<TrialRequest> r = original.ask();
                r.ifPresent(running::add);
                if ((step % 3 == 2 || r.isEmpty()) && !running.isEmpty()) {
                    TrialRequest done = running.remove(0);
                    tell(original, done, objective(done.config(), done.toResource()));
                }
            }
            Tuner resumed = tuner(Schedulers.byName(name, SPACE, 1, 27, 3, Map.of("interval", 3)), 30, 27);
            resumed.replay(original.events());
            for (TrialRequest r : running) {
                tell(original, r, objective(r.config(), r.toResource()));
                tell(resumed, r, objective(r.config(), r.toResource()));
            }
            for (int i = 0; i < 10; i++) {
                Optional<TrialRequest> a = original.ask();
                assertEquals(a, resumed.ask(), name);
                a.ifPresent(r -> {
                    tell(original, r, objective(r.config(), r.toResource()));
                    tell(resumed, r, objective(r.config(), r.toResource()));
                });
            }
            assertEquals(original.events(), resumed.events(), name);
        }
    }

    @Test
    void pbtExploitsDeterministicallyAndRecordsLineage() {
        Tuner a = runPbt(11);
        Tuner b = runPbt(11);
        assertEquals(a.events(), b.events());
        List<TrialRequest> exploits = a.events().stream().filter(e -> e.parentTrialId() != null)
                .map(e -> e.toRequest()).toList();
        assertTrue(exploits.size() >= 3, "expected exploits, got " + exploits.size());
        for (TrialRequest e : exploits) {
            assertEquals(e.parentTrialId(), e.resumeFromTrialId());
            assertTrue(e.fromResource() > 0);
        }
        String winner = a.best().orElseThrow().trialId();
        List<Lineage.Step> schedule = Lineage.of(a.trials(), winner);
        assertEquals(0, schedule.get(0).fromResource());
        assertEquals(24, schedule.get(schedule.size() - 1).toResource());
        for (int i = 1; i < schedule.size(); i++) {
            assertEquals(schedule.get(i - 1).toResource(), schedule.get(i).fromResource(), "contiguous schedule " + schedule);
        }
        // a trial's lineage goes back through its latest exploit, so take the last exploit of a trial
        TrialRequest e = exploits.get(exploits.size() - 1);
        List<Lineage.Step> child = Lineage.of(a.trials(), e.trialId());
        assertNotNull(child.stream().filter(s -> s.trialId().equals(e.parentTrialId())).findFirst().orElse(null));
    }

    @Test
    void pbtWithOneWorkerStartsTheWholePopulationBeforeGoingOn() {
        // one worker, population 4: each member must train its first interval before any trains a second
        Tuner t = pbt(3, 4, 12);
        List<String> firstFour = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            TrialRequest r = ask(t);
            firstFour.add(r.trialId() + "@" + r.fromResource());
            tell(t, r, 0.5 - 0.1 * i);
        }
        assertEquals(List.of("p-t0000@0", "p-t0001@0", "p-t0002@0", "p-t0003@0"), firstFour);
        TrialRequest fifth = ask(t);
        assertEquals(4, fifth.fromResource());
        assertEquals(8, fifth.toResource());
    }

    /** Asks the whole population's first interval, then tells each member its loss in order. */
    private static List<TrialRequest> firstIntervals(Tuner t, double[] losses) {
        List<TrialRequest> first = new ArrayList<>();
        for (int i = 0; i < losses.length; i++) {
            first.add(ask(t));
        }
        for (int i = 0; i < losses.length; i++) {
            tell(t, first.get(i), losses[i]);
        }
        return first;
    }

    @Test
    void pbtReplacesADivergedMemberByExploitingATopMember() {
        // population 5, quantile 0.25: the ranking of the 4 live members has a top quantile of 1
        Tuner t = pbt(3, 5, 12);
        List<TrialRequest> first = firstIntervals(t, new double[] {0.5, Double.NaN, 0.2, 0.4, 0.3});
        TrialRequest next = ask(t);
        assertEquals(first.get(1).trialId(), next.trialId(), "the diverged member is replaced first");
        assertEquals(first.get(2).trialId(), next.parentTrialId(), "it copies the best live member");
        assertEquals(4, next.fromResource());
        assertEquals(8, next.toResource());
        tell(t, next, 0.25);
        assertEquals(io.mutune.hpo.tuner.TrialStatus.PAUSED, t.trials().get(next.trialId()).status());
    }

    @Test
    void pbtNeverCopiesADivergedMember() {
        // the member with the best result so far diverges in its next interval; its weights are NaN, so nobody may copy them
        Tuner t = pbt(5, 5, 12);
        List<TrialRequest> first = firstIntervals(t, new double[] {0.01, 0.5, 0.4, 0.3, 0.2});
        String star = first.get(0).trialId();
        boolean starDiverged = false;
        for (int i = 0; i < 40 && !t.isFinished(); i++) {
            Optional<TrialRequest> r = t.ask();
            if (r.isEmpty()) {
                break;
            }
            TrialRequest q = r.get();
            assertTrue(!star.equals(q.parentTrialId()) || t.trials().get(star).status() != io.mutune.hpo.tuner.TrialStatus.DIVERGED,
                    "copied the diverged " + star + ": " + q);
            boolean diverges = q.trialId().equals(star) && !starDiverged;
            starDiverged |= diverges;
            tell(t, q, diverges ? Double.NaN : 0.3 - 0.01 * q.toResource());
        }
        assertTrue(t.isFinished());
        for (var m : t.trials().trials()) {
            assertEquals(io.mutune.hpo.tuner.TrialStatus.COMPLETED, m.status(), m.trialId() + " ends trained to the maximum");
        }
    }

    @Test
    void pbtWithSeveralWorkersOnlyCopiesCheckpointsThatExist() {
        // 4 workers finishing in random order: a member that is itself running an exploit has no weights at
        // the level it copied yet, so nobody may copy it until it reports
        for (long seed = 1; seed <= 20; seed++) {
            Tuner t = pbt(seed, 8, 40);
            java.util.Set<String> checkpoints = new java.util.HashSet<>();
            java.util.SplittableRandom order = new java.util.SplittableRandom(seed);
            List<TrialRequest> running = new ArrayList<>();
            while (!t.isFinished()) {
                while (running.size() < 4) {
                    Optional<TrialRequest> r = t.ask();
                    if (r.isEmpty()) {
                        break;
                    }
                    TrialRequest q = r.get();
                    if (q.resumeFromTrialId() != null) {
                        assertTrue(checkpoints.contains(q.resumeFromTrialId() + "@" + q.fromResource()),
                                "seed " + seed + ": " + q + " resumes from a checkpoint nobody wrote; written: " + checkpoints);
                    }
                    running.add(q);
                }
                TrialRequest done = running.remove(order.nextInt(running.size()));
                tell(t, done, objective(done.config(), done.toResource()) + order.nextDouble());
                checkpoints.add(done.trialId() + "@" + done.toResource());
            }
        }
    }

    /** PBT with interval 4, quantile 0.25, resample probability 0.25 and perturbations x0.8 / x1.2, over random search. */
    static Tuner pbt(long seed, int population, long maxResource) {
        return Tuner.create(SPACE, Searchers.byName("random", SPACE, null),
                new PbtScheduler(4, 0.25, new PbtExplorer(SPACE, 0.25, new double[] {0.8, 1.2})),
                new TunerSettings(seed, population, maxResource, "p", "min"));
    }

    static Tuner runPbt(long seed) {
        Tuner t = pbt(seed, 8, 24);
        List<TrialRequest> running = new ArrayList<>();
        while (!t.isFinished()) {
            while (running.size() < 4) {
                Optional<TrialRequest> r = t.ask();
                if (r.isEmpty()) {
                    break;
                }
                running.add(r.get());
            }
            TrialRequest done = running.remove(0);
            tell(t, done, objective(done.config(), done.toResource()));
        }
        return t;
    }

    /** Loss falls with resource; the best lr is 0.01 and width helps a little. */
    static double objective(Configuration c, long resource) {
        double lr = Math.log10(c.getDouble("lr")) + 2;
        return lr * lr + 1.0 / (1 + resource) + 0.01 * (16 - c.getLong("width"));
    }
}
