package io.mutune.hpo.searcher.grid;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.Searchers;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.Tuner;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class GridSearcherTest {

    /** The configurations a tuner with this grid hands out for its first {@code trials} trials. */
    private static List<Configuration> asked(SearchSpace space, Map<String, Object> options, long seed, int trials) {
        Tuner t = Tuner.create(space, Searchers.byName("grid", space, options), new TunerSettings(seed, trials, 1, "g", "min"));
        List<Configuration> out = new ArrayList<>();
        for (int i = 0; i < trials; i++) {
            out.add(t.ask().map(TrialRequest::config).orElseThrow());
        }
        return out;
    }

    private static Set<Object> values(List<Configuration> configs, String name) {
        Set<Object> v = new TreeSet<>();
        configs.forEach(c -> v.add(c.get(name)));
        return v;
    }

    @Test
    void anIntegerTakesEveryValueByDefault() {
        SearchSpace s = SearchSpace.fromSpec(Map.of("layers", Map.of("int", List.of(0, 12))));
        // Before: points_per_axis (5) capped integers too, and 13 trials saw only {1, 3, 6, 9, 11}.
        assertEquals(new TreeSet<>(List.of(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L)), values(asked(s, Map.of(), 1, 13), "layers"));
        assertEquals(13, Searchers.byName("grid", s, Map.of("points_per_axis", 3)) instanceof GridSearcher g ? g.size() : -1,
                "a plain number sets continuous axes only");
    }

    @Test
    void pointsPerAxisNamedForAnIntegerSpreadsItsValuesEndToEnd() {
        SearchSpace s = SearchSpace.fromSpec(Map.of("layers", Map.of("int", List.of(0, 12))));
        assertEquals(new TreeSet<>(List.of(0L, 3L, 6L, 9L, 12L)), values(asked(s, Map.of("points_per_axis", Map.of("layers", 5)), 1, 5), "layers"));
    }

    @Test
    void aContinuousAxisTakesEvenlySpacedValuesWithBothEnds() {
        SearchSpace s = SearchSpace.fromSpec(Map.of("lr", Map.of("float", List.of(1e-4, 1e-0), "log", true)));
        List<Double> lrs = new ArrayList<>();
        asked(s, Map.of(), 1, 5).forEach(c -> lrs.add(c.getDouble("lr")));
        lrs.sort(Double::compare);
        double[] expected = {1e-4, 1e-3, 1e-2, 1e-1, 1.0};
        for (int i = 0; i < 5; i++) {
            assertEquals(expected[i], lrs.get(i), expected[i] * 1e-9, "lr grid " + lrs);
        }
        assertEquals(7, ((GridSearcher) Searchers.byName("grid", s, Map.of("points_per_axis", 7))).size());
    }

    @Test
    void aBudgetSmallerThanTheGridSamplesEveryAxisNotOneCorner() {
        Map<String, Object> spec = new LinkedHashMap<>();
        for (String name : List.of("a", "b", "c", "d", "e")) {
            spec.put(name, Map.of("int", List.of(1, 5)));
        }
        SearchSpace s = SearchSpace.fromSpec(spec);
        List<Configuration> first = asked(s, Map.of(), 3, 100);
        assertEquals(100, new HashSet<>(first).size(), "no grid point twice");
        // In counting order the first 100 of 3125 points all have a = 1 and b = 1.
        for (String name : spec.keySet()) {
            assertEquals(5, values(first, name).size(), "axis " + name + " took " + values(first, name));
        }
        assertEquals(first, asked(s, Map.of(), 3, 100), "the same seed gives the same order");
        assertNotEquals(first, asked(s, Map.of(), 4, 100), "another seed, another order");
    }

    @Test
    void theWholeGridIsVisitedOnceBeforeAnyPointRepeats() {
        SearchSpace s = SearchSpace.fromSpec(Map.of("a", Map.of("int", List.of(1, 3)), "b", Map.of("categorical", List.of("x", "y"))));
        List<Configuration> all = asked(s, Map.of(), 9, 8);
        assertEquals(6, new HashSet<>(all.subList(0, 6)).size());
        assertTrue(new HashSet<>(all.subList(0, 6)).containsAll(all.subList(6, 8)));
    }

    @Test
    void aCountForAnUnknownParameterIsNamed() {
        SearchSpace s = SearchSpace.fromSpec(Map.of("lr", Map.of("float", List.of(0.1, 1.0))));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Searchers.byName("grid", s, Map.of("points_per_axis", Map.of("depth", 3))));
        assertTrue(e.getMessage().contains("points_per_axis.depth") && e.getMessage().contains("[lr]"), e.getMessage());
    }
}
