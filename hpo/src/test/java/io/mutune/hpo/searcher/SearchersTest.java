package io.mutune.hpo.searcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.Searchers;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.Tuner;
import io.mutune.hpo.tuner.TunerEvent;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SearchersTest {
    static final SearchSpace MIXED = SearchSpace.fromSpec(Map.of(
            "lr", Map.of("float", List.of(1e-4, 1e-1), "log", true),
            "depth", Map.of("int", List.of(1, 8)),
            "opt", Map.of("categorical", List.of("adamw", "sgd")),
            "wd", Map.of("float", List.of(0.0, 0.1), "when", Map.of("opt", "adamw"))));

    static double objective(Configuration c) {
        double v = Math.pow(Math.log10(c.getDouble("lr")) + 2.5, 2) + 0.1 * Math.abs(c.getLong("depth") - 4);
        return v + ("sgd".equals(c.get("opt")) ? 0.5 : 10 * c.getDouble("wd"));
    }

    static Tuner run(String searcher, long seed, int trials, int batch) {
        Tuner t = Tuner.create(MIXED, Searchers.byName(searcher, MIXED, Map.of("n_startup", 6)),
                new TunerSettings(seed, trials, 1, "s", "min"));
        while (!t.isFinished()) {
            List<TrialRequest> asked = new ArrayList<>();
            for (int i = 0; i < batch; i++) {
                t.ask().ifPresent(asked::add);
            }
            for (TrialRequest r : asked) {
                double v = r.number() == 7 ? Double.NaN : objective(r.config()); // one diverged trial
                t.tell(TrialReport.completed(r.trialId(), 1, v));
            }
        }
        return t;
    }

    @Test
    void everySearcherIsDeterministicGivenTheSeedAndGivesValidConfigurations() {
        for (String s : List.of("random", "grid", "sobol", "tpe", "bo", "bohb")) {
            Tuner a = run(s, 3, 16, 4);
            Tuner b = run(s, 3, 16, 4);
            assertEquals(a.events(), b.events(), s);
            for (TunerEvent e : a.events()) {
                if (e.kind() == TunerEvent.Kind.ASK) {
                    MIXED.validate(Configuration.fromJson(e.configJson()));
                }
            }
        }
    }

    @Test
    void modelBasedSearchersSpreadAParallelBatch() {
        for (String s : List.of("tpe", "bo", "sobol")) {
            Tuner t = run(s, 5, 12, 4);
            List<TrialRequest> batch = new ArrayList<>();
            Tuner more = Tuner.create(MIXED, t.searcher(), new TunerSettings(5, 16, 1, "s", "min"));
            more.replay(t.events());
            for (int i = 0; i < 4; i++) {
                batch.add(more.ask().orElseThrow());
            }
            Set<Configuration> distinct = new HashSet<>();
            batch.forEach(r -> distinct.add(r.config()));
            assertEquals(4, distinct.size(), s + " proposed the same point twice in one batch");
        }
    }

    @Test
    void gridEnumeratesEveryCombinationOnce() {
        SearchSpace s = SearchSpace.fromSpec(Map.of("a", Map.of("int", List.of(1, 3)), "b", Map.of("categorical", List.of("x", "y"))));
        Tuner t = Tuner.create(s, Searchers.byName("grid", s, Map.of()), new TunerSettings(1, 6, 1, "g", "min"));
        Set<Configuration> seen = new HashSet<>();
        for (int i = 0; i < 6; i++) {
            seen.add(t.ask().orElseThrow().config());
        }
        assertEquals(6, seen.size());
    }

    @Test
    void tpeAndBoBeatRandomOnAnEasyObjective() {
        double random = best(run("random", 1, 40, 4));
        assertTrue(best(run("tpe", 1, 40, 4)) < random, "tpe");
        assertTrue(best(run("bo", 1, 40, 4)) < random, "bo");
    }

    @Test
    void bohbWithThePapersMinimumGroupSizeIsReadFromTheSpecAndChecked() {
        assertEquals(5, io.mutune.hpo.searcher.tpe.TpeOptions.from(Map.of("min_group", 5)).minGroup());
        IllegalArgumentException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> io.mutune.hpo.searcher.tpe.TpeOptions.from(Map.of("min_group", 0)));
        assertTrue(e.getMessage().contains("min_group") && e.getMessage().contains("0"), e.getMessage());
        // groups of d + 1 = 5 overlap while there are fewer than 10 observations; the searcher must still work there
        List<List<TunerEvent>> runs = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            Tuner t = Tuner.create(MIXED, Searchers.byName("bohb", MIXED, Map.of("n_startup", 6, "min_group", 5)),
                    new TunerSettings(4, 14, 1, "s", "min"));
            while (!t.isFinished()) {
                TrialRequest r = t.ask().orElseThrow();
                MIXED.validate(r.config());
                t.tell(TrialReport.completed(r.trialId(), 1, objective(r.config())));
            }
            runs.add(t.events());
        }
        assertEquals(runs.get(0), runs.get(1));
    }

    private static double best(Tuner t) {
        return t.trials().trials().stream().filter(x -> !x.results().isEmpty())
                .mapToDouble(x -> x.results().get(0).metric()).filter(Double::isFinite).min().orElseThrow();
    }
}
