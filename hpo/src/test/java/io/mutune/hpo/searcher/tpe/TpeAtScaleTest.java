package io.mutune.hpo.searcher.tpe;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.Observation;
import io.mutune.hpo.tuner.SearchHistory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** TPE with thousands of observations, where the bad density is fitted to a sample of its points. */
class TpeAtScaleTest {
    private static final SearchSpace X = SearchSpace.fromSpec(Map.of("x", Map.of("float", List.of(0.0, 1.0))));

    /** Two basins of equal depth, at x = 0.2 and x = 0.8. */
    private static double twoBasins(double x) {
        return Math.min((x - 0.2) * (x - 0.2), (x - 0.8) * (x - 0.8));
    }

    /**
     * With 3,000 observations and 100 trials running in the basin at 0.2, a TPE whose bad density
     * holds at most 64 points (fewer than are running) still proposes in the other basin: the
     * sample drops observations, never a running trial, so parallel workers do not pile onto the
     * basin that is being evaluated.
     */
    @Test
    void aSampledBadDensityKeepsEveryRunningTrial() {
        SplittableRandom r = new SplittableRandom(4);
        List<Observation> obs = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            Configuration c = X.decode(new double[] {r.nextDouble()});
            obs.add(new Observation("t" + i, i, c, 1, twoBasins(c.getDouble("x")), false));
        }
        List<Configuration> running = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            running.add(X.decode(new double[] {0.19 + 0.02 * r.nextDouble()}));
        }
        SearchHistory h = new SearchHistory(X, 1, 3100, obs, running);
        TpeSearcher tpe = new TpeSearcher(X, new TpeOptions(10, 48, 0.125, 25, 1.0, true, 1.06, 48, 1, 64));
        for (int seed = 0; seed < 10; seed++) {
            double x = tpe.suggest(h, new SplittableRandom(seed)).getDouble("x");
            assertTrue(Math.abs(x - 0.8) < 0.05, "seed " + seed + ": proposed x = " + x + ", not in the free basin at 0.8");
        }
    }
}
