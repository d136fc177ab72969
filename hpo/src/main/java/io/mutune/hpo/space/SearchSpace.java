package io.mutune.hpo.space;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The hyperparameters a sweep searches over, in the order the spec declares them, with their
 * conditions. A configuration maps to the unit hypercube ({@link #encode}) and back
 * ({@link #decode}); a parameter that is inactive under its parent's value is absent from the
 * configuration and NaN in its encoding.
 *
 * <p>Spec form (the {@code search.space} map as Jackson parses YAML or JSON):
 * <pre>
 * lr:    {float: [1.0e-4, 1.0e-1], log: true}
 * depth: {int: [1, 8], step: 1}
 * act:   {categorical: [relu, gelu]}
 * wd:    {float: [0, 0.1], when: {opt: adamw}}
 * </pre>
 */
public final class SearchSpace implements Serializable {
    private static final long serialVersionUID = 1L;

    private final List<Parameter> declared;
    /** Parents before children, so decoding can test each condition on values already chosen. */
    private final List<Parameter> parentsFirst;
    private final Map<String, Integer> indexByName;

    private SearchSpace(List<Parameter> declared) {
        this.declared = List.copyOf(declared);
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < declared.size(); i++) {
            if (index.put(declared.get(i).name(), i) != null) {
                throw SpaceSpecException.of(declared.get(i).name(), "is declared twice", "one entry per name");
            }
        }
        this.indexByName = Map.copyOf(index);
        this.parentsFirst = sortParentsFirst(declared, index);
    }

    /** A space from parameters built in code, in the given order. */
    public static SearchSpace of(List<Parameter> parameters) {
        if (parameters == null || parameters.isEmpty()) {
            throw new SpaceSpecException("search.space: is empty; expected at least one parameter");
        }
        return new SearchSpace(parameters);
    }

    /**
     * Reads the spec's {@code search.space} map.
     *
     * @throws SpaceSpecException naming the parameter and the expected form, for inverted bounds,
     *         a log range touching 0, an unknown parent, a malformed entry...
     */
    public static SearchSpace fromSpec(Map<String, Object> spaceSection) {
        if (spaceSection == null || spaceSection.isEmpty()) {
            throw new SpaceSpecException("search.space: is empty; expected a map of name -> {float|int|categorical: ...}");
        }
        List<Parameter> params = new ArrayList<>();
        spaceSection.forEach((name, entry) -> params.add(ParameterSpecReader.read(name, entry)));
        return new SearchSpace(params);
    }

    /** {@link #fromSpec} on a JSON object; malformed JSON is a {@link SpaceSpecException} too. */
    public static SearchSpace fromJson(String json) {
        Map<String, Object> section;
        try {
            section = new ObjectMapper().readValue(json, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JsonProcessingException e) {
            throw new SpaceSpecException("search.space: is not a JSON object (" + e.getOriginalMessage() + "); expected {\"lr\": {\"float\": [1e-4, 1e-1], \"log\": true}, ...}");
        }
        return fromSpec(section);
    }

    /** The spec form, the same shape {@link #fromSpec} reads. */
    public Map<String, Object> toSpec() {
        Map<String, Object> spec = new LinkedHashMap<>();
        for (Parameter p : declared) {
            spec.put(p.name(), p.toSpecWithCondition());
        }
        return spec;
    }

    public List<String> names() {
        return declared.stream().map(Parameter::name).toList();
    }

    /** The names of the parameters a searcher moves: all but the {@code {fixed: value}} ones. */
    public List<String> searchedNames() {
        return declared.stream().filter(p -> !(p instanceof FixedParameter)).map(Parameter::name).toList();
    }

    /** The {@code {fixed: value}} parameters and their values, in declaration order. */
    public Map<String, Object> fixedValues() {
        Map<String, Object> out = new LinkedHashMap<>();
        declared.stream().filter(p -> p instanceof FixedParameter).forEach(p -> out.put(p.name(), ((FixedParameter) p).value()));
        return out;
    }

    public List<Parameter> parameters() {
        return declared;
    }

    public int dimension() {
        return declared.size();
    }

    public Parameter parameter(String name) {
        Integer i = indexByName.get(name);
        if (i == null) {
            throw new IllegalArgumentException("search space has no parameter '" + name + "'; it has " + names());
        }
        return declared.get(i);
    }

    /** The position of {@code name} in {@link #names()} and in encoded vectors. */
    public int indexOf(String name) {
        parameter(name);
        return indexByName.get(name);
    }

    /** True when {@code p} exists given the values chosen so far. */
    public static boolean isActive(Parameter p, Map<String, Object> chosen) {
        return p.condition() == null || p.condition().holds(chosen);
    }

    /** The configuration as a point of the unit hypercube; NaN marks an inactive parameter. */
    public double[] encode(Configuration config) {
        validate(config);
        double[] u = new double[declared.size()];
        for (int i = 0; i < u.length; i++) {
            Parameter p = declared.get(i);
            u[i] = config.has(p.name()) ? p.encode(config.get(p.name())) : Double.NaN;
        }
        return u;
    }

    /** The configuration at {@code u}; coordinates of parameters that end up inactive are ignored. */
    public Configuration decode(double[] u) {
        if (u.length != declared.size()) {
            throw new IllegalArgumentException("point has " + u.length + " coordinates, the space has " + declared.size());
        }
        Map<String, Object> chosen = new HashMap<>();
        for (Parameter p : parentsFirst) {
            if (isActive(p, chosen)) {
                double x = u[indexByName.get(p.name())];
                chosen.put(p.name(), p.decode(Double.isNaN(x) ? 0.5 : x));
            }
        }
        return inDeclaredOrder(chosen);
    }

    /** A uniform draw (in encoded coordinates, so log parameters are log-uniform). */
    public Configuration sample(SplittableRandom random) {
        double[] u = new double[declared.size()];
        for (int i = 0; i < u.length; i++) {
            u[i] = random.nextDouble();
        }
        return decode(u);
    }

    /** Checks that every active parameter is set to a legal value and nothing else is set. */
    public void validate(Configuration config) {
        Map<String, Object> values = config.values();
        for (String key : values.keySet()) {
            if (!indexByName.containsKey(key)) {
                throw new IllegalArgumentException("configuration sets '" + key + "', which the space " + names() + " lacks");
            }
        }
        for (Parameter p : parentsFirst) {
            boolean active = isActive(p, values);
            if (active && !values.containsKey(p.name())) {
                throw new IllegalArgumentException("configuration " + config + " lacks active parameter '" + p.name() + "'");
            }
            if (!active && values.containsKey(p.name())) {
                throw new IllegalArgumentException("configuration " + config + " sets '" + p.name()
                        + "', which is inactive under " + p.condition());
            }
            if (active) {
                p.encode(values.get(p.name()));
            }
        }
    }

    private Configuration inDeclaredOrder(Map<String, Object> chosen) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        for (Parameter p : declared) {
            if (chosen.containsKey(p.name())) {
                ordered.put(p.name(), chosen.get(p.name()));
            }
        }
        return new Configuration(ordered);
    }

    private static List<Parameter> sortParentsFirst(List<Parameter> declared, Map<String, Integer> index) {
        for (Parameter p : declared) {
            Condition c = p.condition();
            if (c == null) {
                continue;
            }
            Integer parent = index.get(c.parent());
            if (parent == null) {
                throw SpaceSpecException.of(p.name(), "unknown parent '" + c.parent() + "' in when",
                        "when: {parent: value} naming one of " + declared.stream().map(Parameter::name).toList());
            }
            Parameter pp = declared.get(parent);
            for (Object v : c.values()) {
                try {
                    pp.encode(v);
                } catch (IllegalArgumentException e) {
                    throw SpaceSpecException.of(p.name(), "parent '" + c.parent() + "' can never be " + v,
                            "a value of " + pp.toSpec());
                }
            }
        }
        List<Parameter> out = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 = visiting, 2 = done
        for (Parameter p : declared) {
            visit(p, declared, index, state, out);
        }
        return Collections.unmodifiableList(out);
    }

    private static void visit(Parameter p, List<Parameter> declared, Map<String, Integer> index,
                              Map<String, Integer> state, List<Parameter> out) {
        Integer s = state.get(p.name());
        if (s != null && s == 2) {
            return;
        }
        if (s != null) {
            throw SpaceSpecException.of(p.name(), "its conditions form a cycle", "parents that do not depend on their children");
        }
        state.put(p.name(), 1);
        if (p.condition() != null) {
            visit(declared.get(index.get(p.condition().parent())), declared, index, state, out);
        }
        state.put(p.name(), 2);
        out.add(p);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SearchSpace s && declared.equals(s.declared);
    }

    @Override
    public int hashCode() {
        return declared.hashCode();
    }

    @Override
    public String toString() {
        return "SearchSpace" + toSpec();
    }
}
