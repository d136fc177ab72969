package io.mutune.hpo.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** {@link Tuner#ask(int)}: several segments at once, a GP's new trials from one fit. */
class BatchAskTest {
    private static final SearchSpace SPACE = SearchSpace.fromSpec(Map.of(
            "x", Map.of("float", List.of(0.0, 1.0)), "y", Map.of("float", List.of(0.0, 1.0))));

    private static double objective(Configuration c) {
        return Math.pow(c.getDouble("x") - 0.3, 2) + Math.pow(c.getDouble("y") - 0.6, 2);
    }

    /** A tuner of {@code searcher} that asked {@code batch} at a time, {@code trials} in all. */
    private static Tuner run(String searcher, int trials, int batch, boolean batched) {
        Tuner t = Tuner.create(SPACE, Searchers.byName(searcher, SPACE, Map.of("n_startup", 5)), new TunerSettings(9, trials, 1, "s", "min"));
        while (!t.isFinished()) {
            List<TrialRequest> asked = new ArrayList<>();
            if (batched) {
                asked.addAll(t.ask(batch));
            } else {
                for (int i = 0; i < batch; i++) {
                    t.ask().ifPresent(asked::add);
                }
            }
            for (TrialRequest r : asked) {
                t.tell(TrialReport.completed(r.trialId(), 1, objective(r.config())));
            }
        }
        return t;
    }

    @Test
    void searchersWithoutBatchesGetExactlyTheSequentialAsks() {
        for (String s : List.of("random", "sobol", "tpe")) {
            assertEquals(run(s, 24, 6, false).events(), run(s, 24, 6, true).events(), s);
        }
    }

    @Test
    void aGpBatchIsDistinctAndItsFirstPickIsTheSingleAsk() {
        Tuner base = run("bo", 12, 4, false);
        Tuner one = Tuner.create(SPACE, base.searcher(), new TunerSettings(9, 40, 1, "s", "min"));
        one.replay(base.events());
        Tuner many = Tuner.create(SPACE, base.searcher(), new TunerSettings(9, 40, 1, "s", "min"));
        many.replay(base.events());
        List<TrialRequest> batch = many.ask(8);
        assertEquals(8, batch.size());
        assertEquals(one.ask().orElseThrow().config(), batch.get(0).config(), "the batch starts with what a single ask gives");
        Set<Configuration> distinct = new HashSet<>();
        batch.forEach(r -> distinct.add(r.config()));
        assertEquals(8, distinct.size(), "one fit proposed the same point twice: " + batch);
    }

    @Test
    void aGpAskedInBatchesStillBeatsRandomSearch() {
        double random = best(run("random", 40, 8, true));
        double gp = best(run("bo", 40, 8, true));
        assertTrue(gp < random, "bo in batches of 8: " + gp + " against random's " + random);
    }

    @Test
    void aBatchStopsAtTheTrialBudget() {
        Tuner t = Tuner.create(SPACE, Searchers.byName("bo", SPACE, Map.of("n_startup", 5)), new TunerSettings(9, 6, 1, "s", "min"));
        assertEquals(6, t.ask(10).size());
        assertTrue(t.ask(10).isEmpty(), "nothing left to start while all six run");
    }

    private static double best(Tuner t) {
        return t.best().orElseThrow().results().get(0).metric();
    }
}
