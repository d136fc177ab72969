package io.mutune.hpo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.Budget;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.Tuner;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TunerFactoryTest {
    static final SearchSpace SPACE = SearchSpace.fromSpec(Map.of("lr", Map.of("float", List.of(1e-4, 1e-1), "log", true)));

    @Test
    void everyAlgorithmOfTheSpecBuildsAndRespectsTheResourceBudget() {
        for (String a : List.of("random", "grid", "sobol", "tpe", "bo", "hyperband", "sha", "asha", "bohb", "pbt")) {
            Tuner t = TunerFactory.create(a, SPACE, new TunerSettings(1, 50, 27, "f", "min"), 1, 3, new Budget(200), Map.of());
            int asks = 0;
            while (!t.isFinished() && asks < 500) {
                TrialRequest r = t.ask().orElseThrow(() -> new AssertionError(a + " had nothing to hand out with nothing running"));
                t.tell(TrialReport.completed(r.trialId(), r.toResource(), Math.abs(Math.log10(r.config().getDouble("lr")) + 2)));
                asks++;
            }
            assertEquals(true, t.isFinished(), a);
            // the budget stops new work once spent; the last segment may overshoot by at most max resource
            assertEquals(true, t.trials().resourceSpent() < 200 + 27, a + " spent " + t.trials().resourceSpent());
        }
    }

    @Test
    void unknownAlgorithmNamesTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TunerFactory.create("hyperopt", SPACE, new TunerSettings(1, 5, 27, "f", "min"), 1, 3, Budget.UNLIMITED, null));
        assertEquals(true, e.getMessage().startsWith("search.algorithm: unknown algorithm 'hyperopt'"));
    }
}
