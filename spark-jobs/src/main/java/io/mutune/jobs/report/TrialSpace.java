package io.mutune.jobs.report;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.hpo.space.CategoricalParameter;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.FloatParameter;
import io.mutune.hpo.space.Parameter;
import io.mutune.hpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The search space a report compares trials in: the spec's own when the report has it, else one read
 * off the trials (numbers as a range, on a log scale when they span more than a factor 20, the rest
 * as categories), so a report made from the tables alone still ranks hyperparameters.
 */
final class TrialSpace {
    private TrialSpace() { }

    /** The declared space when every row fits it, else the hyperparameters every row sets and that vary; null when none does. */
    static SearchSpace of(SearchSpace declared, List<JournalRow> rows) {
        List<Configuration> configs = rows.stream().map(r -> Configuration.fromJson(r.configJson())).toList();
        if (declared != null && configs.stream().allMatch(c -> valid(declared, c))) {
            return declared;
        }
        Map<String, List<Object>> values = new LinkedHashMap<>();
        for (Configuration c : configs) {
            c.values().forEach((k, v) -> values.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
        }
        List<Parameter> params = new ArrayList<>();
        values.forEach((name, vs) -> {
            if (vs.size() != configs.size()) {
                return;
            }
            if (vs.stream().allMatch(v -> v instanceof Number)) {
                double lo = vs.stream().mapToDouble(v -> ((Number) v).doubleValue()).min().getAsDouble();
                double hi = vs.stream().mapToDouble(v -> ((Number) v).doubleValue()).max().getAsDouble();
                if (hi > lo && Double.isFinite(lo) && Double.isFinite(hi)) {
                    params.add(new FloatParameter(name, lo, hi, lo > 0 && hi / lo > 20, 0, null));
                }
            } else {
                LinkedHashSet<Object> choices = new LinkedHashSet<>(vs);
                if (choices.size() > 1) {
                    params.add(new CategoricalParameter(name, new ArrayList<>(choices), null));
                }
            }
        });
        return params.isEmpty() ? null : SearchSpace.of(params);
    }

    /** The configuration restricted to the space's hyperparameters (ints read as numbers). */
    static Configuration project(SearchSpace space, Configuration c) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (String n : space.names()) {
            Object v = c.get(n);
            m.put(n, space.parameter(n) instanceof FloatParameter && v instanceof Number x ? x.doubleValue() : v);
        }
        return new Configuration(m);
    }

    private static boolean valid(SearchSpace s, Configuration c) {
        try {
            s.validate(c);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
