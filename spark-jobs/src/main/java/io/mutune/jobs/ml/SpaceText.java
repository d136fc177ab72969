package io.mutune.jobs.ml;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.mutune.hpo.space.SearchSpace;
import java.util.Map;

/**
 * Reads a search space written as JSON or YAML text, in the sweep spec's {@code search.space} form:
 * <pre>{regParam: {float: [1.0e-4, 1.0], log: true}, maxDepth: {int: [2, 8]}, impurity: {categorical: [gini, entropy]}}</pre>
 */
public final class SpaceText {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private SpaceText() { }

    @SuppressWarnings("unchecked")
    public static SearchSpace parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("searchSpace is empty; expected JSON or YAML like {regParam: {float: [1.0e-4, 1.0], log: true}}");
        }
        Object tree;
        try {
            tree = YAML.readValue(text, Object.class);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("searchSpace is neither JSON nor YAML: " + e.getMessage() + " in '" + text + "'", e);
        }
        if (!(tree instanceof Map<?, ?> m)) {
            throw new IllegalArgumentException("searchSpace must be a map of param name -> {float|int|categorical: ...}, got '" + text + "'");
        }
        return SearchSpace.fromSpec((Map<String, Object>) m);
    }

    /** Whether {@code text} parses, for the Param validator. */
    static boolean isValid(String text) {
        try {
            parse(text);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
