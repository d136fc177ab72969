package io.mutune.hpo.importance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.space.CategoricalParameter;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.FloatParameter;
import io.mutune.hpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * PED-ANOVA on functions whose importances are known in closed form. With x uniform on [0, 1] and
 * the best 10% of trials, a hyperparameter that alone decides the loss puts all the best trials in a
 * tenth of its range: p = 10 there, q = 1, so D(p || q) = integral p^2/q - 1 = 10 - 1 = 9, whichever
 * tenth it is (rank-based: monotone or not). A hyperparameter the loss ignores has D = 0.
 *
 * <p>The kernel densities smooth the edges of that tenth over about a bandwidth (0.01 here), which
 * lowers the estimate: by about 2h/(w sqrt(pi)) = 12% of 10 for a tenth inside the range, less for
 * one at its edge (the kernels are renormalized there). Hence the 15% and 20% tolerances.
 */
class PedAnovaTest {
    private static final SearchSpace SPACE = SearchSpace.of(List.of(
            new FloatParameter("x1", 0, 1, false, 0, null),
            new FloatParameter("x2", 0, 1, false, 0, null),
            new FloatParameter("x3", 0, 1, false, 0, null)));

    private static Map<String, Importance> run(SearchSpace space, int n, long seed, ToDoubleFunction<Configuration> f) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Configuration> configs = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            configs.add(space.sample(random));
        }
        double[] losses = configs.stream().mapToDouble(f).toArray();
        return PedAnova.defaults().evaluate(space, configs, losses).stream().collect(Collectors.toMap(Importance::parameter, i -> i));
    }

    @Test
    void aParameterThatAloneDecidesTheLossHasDivergenceNineAndTheOthersNone() {
        Map<String, Importance> imp = run(SPACE, 2000, 1, c -> c.getDouble("x1"));
        assertEquals(9.0, imp.get("x1").divergence(), 9.0 * 0.15, imp.toString());
        assertTrue(imp.get("x2").divergence() < 0.15, imp.toString());
        assertTrue(imp.get("x3").divergence() < 0.15, imp.toString());
        assertTrue(imp.get("x1").share() > 0.95, imp.toString());
        assertEquals(1.0, imp.values().stream().mapToDouble(Importance::share).sum(), 1e-9);
    }

    @Test
    void theImportanceIsTheSameForAValleyInTheMiddleOfTheRange() {
        // The best tenth is |x1 - 0.5| < 0.05: the same divergence, 9, as a monotone loss.
        Map<String, Importance> imp = run(SPACE, 4000, 2, c -> Math.pow(c.getDouble("x1") - 0.5, 2));
        assertEquals(9.0, imp.get("x1").divergence(), 9.0 * 0.2, imp.toString());
        assertTrue(imp.get("x2").divergence() < 0.15, imp.toString());
    }

    @Test
    void twoParametersThatMatterEquallyShareTheImportanceAndOutrankAThirdThatMattersLess() {
        Map<String, Importance> imp = run(SPACE, 3000, 3, c -> c.getDouble("x1") + c.getDouble("x2") + 0.1 * c.getDouble("x3"));
        double a = imp.get("x1").share();
        double b = imp.get("x2").share();
        assertEquals(a, b, 0.1 * (a + b), imp.toString());
        assertTrue(imp.get("x3").share() < 0.5 * Math.min(a, b), imp.toString());
    }

    @Test
    void aCategoricalWhoseOneValueHoldsAllTheBestTrialsOfThreeHasDivergenceTwo() {
        // Every best trial has act = a: p = (1, 0, 0), q = (1/3, 1/3, 1/3), D = sum p^2/q - 1 = 3 - 1 = 2
        // (a little less: each count gets a prior of one half).
        SearchSpace space = SearchSpace.of(List.of(
                new CategoricalParameter("act", List.of("a", "b", "c"), null),
                new FloatParameter("lr", 1e-4, 1e-1, true, 0, null)));
        // Ties within a value keep the trials' order (a stable sort), so lr does not decide which a-trials are best.
        Map<String, Importance> imp = run(space, 1500, 4, c -> List.of("a", "b", "c").indexOf(c.getString("act")));
        assertEquals(2.0, imp.get("act").divergence(), 0.15, imp.toString());
        assertTrue(imp.get("lr").divergence() < 0.15, imp.toString());
    }

    @Test
    void divergedTrialsCountAsWorstAndTooFewTrialsAreRefused() {
        Map<String, Importance> imp = run(SPACE, 2000, 5, c -> c.getDouble("x1") > 0.9 ? Double.NaN : c.getDouble("x1"));
        assertEquals(9.0, imp.get("x1").divergence(), 9.0 * 0.15, "NaN losses sort last: " + imp);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> run(SPACE, 2, 6, c -> c.getDouble("x1")));
        assertTrue(e.getMessage().contains("at least 3 trials, got 2"), e.getMessage());
    }
}
