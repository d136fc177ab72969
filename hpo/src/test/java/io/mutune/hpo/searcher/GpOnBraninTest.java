package io.mutune.hpo.searcher;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.Searchers;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.Tuner;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The acceptance check: GP-BO in 30 evaluations reaches what random search needs ~10x more for. */
class GpOnBraninTest {
    static final SearchSpace BRANIN = SearchSpace.fromSpec(Map.of(
            "x1", Map.of("float", List.of(-5.0, 10.0)),
            "x2", Map.of("float", List.of(0.0, 15.0))));
    static final double MINIMUM = 0.397887357729739;

    static double branin(Configuration c) {
        double x = c.getDouble("x1");
        double y = c.getDouble("x2");
        double b = 5.1 / (4 * Math.PI * Math.PI);
        return Math.pow(y - b * x * x + 5 / Math.PI * x - 6, 2) + 10 * (1 - 1 / (8 * Math.PI)) * Math.cos(x) + 10;
    }

    /** Regret after each evaluation, asking in batches of 4. */
    static double[] regrets(String searcher, long seed, int evaluations) {
        Tuner t = Tuner.create(BRANIN, Searchers.byName(searcher, BRANIN, Map.of()), new TunerSettings(seed, evaluations, 1, "b", "min"));
        double[] out = new double[evaluations];
        double best = Double.POSITIVE_INFINITY;
        int n = 0;
        while (!t.isFinished()) {
            List<TrialRequest> batch = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                t.ask().ifPresent(batch::add);
            }
            for (TrialRequest r : batch) {
                double v = branin(r.config());
                t.tell(TrialReport.completed(r.trialId(), 1, v));
                best = Math.min(best, v);
                out[n++] = best - MINIMUM;
            }
        }
        return out;
    }

    @Test
    void gpReachesInThirtyWhatRandomNeedsAboutTenTimesMoreFor() {
        double gp = regrets("bo", 0, 30)[29];
        double[] random = regrets("random", 0, 2000);
        int needed = 0;
        while (needed < random.length && random[needed] > gp) {
            needed++;
        }
        // margin: demand 5x (not 10x) so the check is about the method, not this seed's luck
        assertTrue(needed + 1 >= 150, "random needed " + (needed + 1) + " evaluations to reach GP's regret " + gp + " at 30");
    }
}
