package io.mutune.jobs.spec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;

/**
 * Finds a key written twice in one mapping of a spec. YAML and JSON parsers keep the last of the
 * two silently, so {@code lr:} written twice would tune one range while the user reads the other.
 * Walks Jackson's token stream, which knows each key's line.
 */
final class DuplicateKeys {
    private static final YAMLFactory YAML = new YAMLFactory();

    private DuplicateKeys() { }

    /** @throws SpecException naming the key's path and both lines; the text must already parse */
    static void check(String text) {
        Deque<Scope> scopes = new ArrayDeque<>();
        try (JsonParser p = YAML.createParser(text)) {
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                switch (t) {
                    case START_OBJECT -> scopes.push(new Scope(childPath(scopes), true));
                    case START_ARRAY -> scopes.push(new Scope(childPath(scopes), false));
                    case END_OBJECT, END_ARRAY -> {
                        scopes.pop();
                        valueDone(scopes);
                    }
                    case FIELD_NAME -> {
                        Scope s = scopes.peek();
                        String key = p.currentName();
                        int line = p.currentTokenLocation().getLineNr();
                        Integer first = s.lines.putIfAbsent(key, line);
                        String path = s.path.isEmpty() ? key : s.path + "." + key;
                        if (first != null) {
                            throw new SpecException(path, "the key '" + key + "' is written twice, on "
                                    + (first == line ? "line " + line : "lines " + first + " and " + line) + "; keep one");
                        }
                        s.key = key;
                    }
                    default -> valueDone(scopes);
                }
            }
        } catch (IOException e) {
            throw new SpecException("(spec)", "not valid YAML or JSON: " + e.getMessage(), e);
        }
    }

    /** The path of the value about to start, in the scope on top. */
    private static String childPath(Deque<Scope> scopes) {
        Scope s = scopes.peek();
        if (s == null) {
            return "";
        }
        String step = s.mapping ? s.key : "[" + s.index + "]";
        return s.mapping ? (s.path.isEmpty() ? step : s.path + "." + step) : s.path + step;
    }

    private static void valueDone(Deque<Scope> scopes) {
        Scope s = scopes.peek();
        if (s != null && !s.mapping) {
            s.index++;
        }
    }

    /** One open mapping or sequence: its path, and for a mapping the line of each key seen. */
    private static final class Scope {
        final String path;
        final boolean mapping;
        final Map<String, Integer> lines = new HashMap<>();
        String key;
        int index;

        Scope(String path, boolean mapping) {
            this.path = path;
            this.mapping = mapping;
        }
    }
}
