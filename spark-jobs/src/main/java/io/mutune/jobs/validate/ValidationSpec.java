package io.mutune.jobs.validate;

import io.mutune.connectors.launch.LauncherConfig;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.jobs.spec.SweepSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The sweep a validation runs: the spec's proxy at the validation scale, every searched
 * hyperparameter fixed at its recommended value except the bracketed one, which takes the three
 * bracket values; one grid trial per value, each trained with {@code seeds} replicates. Its seed
 * is derived from the spec's but differs from it, so no run repeats a seed the search used.
 */
final class ValidationSpec {
    /** Mixed into the spec's seed: the validation's seeds are held out from the search's. */
    static final long HELD_OUT_SALT = 0x76616C6964617465L;

    private ValidationSpec() { }

    /** Fails, naming the field, when the plan does not fit the spec; cheap, so commands call it before starting Spark. */
    static void check(SweepSpec spec, ValidationPlan plan) {
        SearchSpace searched = SearchSpace.fromSpec(spec.search().space());
        if (!searched.searchedNames().contains(plan.hyperparameter())) {
            throw new IllegalArgumentException("validate: the spec searches no '" + plan.hyperparameter() + "' to bracket; it searches "
                    + searched.searchedNames());
        }
        spec.scales().keySet().forEach(axis -> {
            if (!plan.target().containsKey(axis)) {
                throw new IllegalArgumentException("validate.target: has no '" + axis + "', but the sweep varies it; expected a value for every axis in "
                        + spec.scales().keySet());
            }
        });
    }

    static SweepSpec of(SweepSpec spec, LauncherConfig recommended, ValidationPlan plan) {
        check(spec, plan);
        SearchSpace searched = SearchSpace.fromSpec(spec.search().space());
        Map<String, Object> space = new LinkedHashMap<>();
        for (String name : searched.names()) {
            Object fixed = searched.fixedValues().get(name);
            if (fixed != null) {
                space.put(name, Map.of("fixed", fixed));
            } else if (name.equals(plan.hyperparameter())) {
                double[] b = plan.bracketAround(recommended.get(name).value());
                space.put(name, Map.of("categorical", List.of(b[0], b[1], b[2])));
            } else {
                space.put(name, Map.of("fixed", recommended.get(name).value()));
            }
        }
        Map<String, List<Double>> scales = new LinkedHashMap<>();
        plan.target().forEach((axis, v) -> scales.put(axis, List.of(v)));
        SweepSpec.Search s = spec.search();
        SweepSpec.Search search = new SweepSpec.Search("grid", s.metric(), s.mode(), space,
                new SweepSpec.Resource(s.resource().name(), s.resource().max(), s.resource().max(), s.resource().eta()),
                3, Map.of(), plan.seeds(), 0, 0);
        return new SweepSpec(spec.sweep() + "-validate", spec.seed() ^ HELD_OUT_SALT, spec.proxy(), scales, search, spec.resources(),
                List.of(plan.target()), spec.output(), null);
    }
}
