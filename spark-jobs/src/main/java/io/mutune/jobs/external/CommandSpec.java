package io.mutune.jobs.external;

import io.mutune.jobs.spec.SpecException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The {@code proxy:} section of a sweep whose trials are an external program:
 * <pre>proxy: {model: command, command: ["python3", "train.py"], env: {OMP_NUM_THREADS: "1"}, working_dir: /opt/job}</pre>
 * The command is an argument list, never a shell line, so no hyperparameter is ever parsed by a shell.
 */
public record CommandSpec(List<String> command, Map<String, String> env, String workingDir) implements Serializable {
    /** Fields of a command proxy; parametrization and optimizer only label the recommendations. */
    public static final Set<String> FIELDS = Set.of("model", "command", "env", "working_dir", "parametrization", "optimizer");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    public CommandSpec {
        command = List.copyOf(command);
        env = Map.copyOf(env);
        if (command.isEmpty()) {
            throw new IllegalArgumentException("an external command needs at least the program, got an empty list");
        }
    }

    /** Reads and checks the section; errors name the field, e.g. {@code proxy.command[1]}. */
    public static CommandSpec fromProxySection(Map<String, Object> proxy) {
        for (String key : proxy.keySet()) {
            if (!FIELDS.contains(key)) {
                throw new SpecException("proxy." + key, "unknown field for model: command; expected one of " + new java.util.TreeSet<>(FIELDS));
            }
        }
        Object raw = proxy.get("command");
        if (!(raw instanceof List<?> list) || list.isEmpty()) {
            throw new SpecException("proxy.command", "expected a non-empty list of arguments, e.g. [\"python3\", \"train.py\"], got "
                    + (raw == null ? "nothing" : raw));
        }
        List<String> command = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            Object a = list.get(i);
            if (a == null || a instanceof Map || a instanceof List) {
                throw new SpecException("proxy.command[" + i + "]", "expected a string argument, got " + a);
            }
            command.add(String.valueOf(a));
        }
        if (command.get(0).isBlank()) {
            throw new SpecException("proxy.command[0]", "expected the program to run, got an empty string");
        }
        Map<String, String> env = new LinkedHashMap<>();
        Object rawEnv = proxy.get("env");
        if (rawEnv != null) {
            if (!(rawEnv instanceof Map<?, ?> m)) {
                throw new SpecException("proxy.env", "expected a mapping of variable names to values, got " + rawEnv);
            }
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String name = String.valueOf(e.getKey());
                if (!ENV_NAME.matcher(name).matches()) {
                    throw new SpecException("proxy.env." + name, "is not a valid environment variable name; expected letters, digits and '_'");
                }
                if (e.getValue() instanceof Map || e.getValue() instanceof List) {
                    throw new SpecException("proxy.env." + name, "expected a string value, got " + e.getValue());
                }
                env.put(name, String.valueOf(e.getValue()));
            }
        }
        Object dir = proxy.get("working_dir");
        return new CommandSpec(command, env, dir == null ? null : String.valueOf(dir));
    }
}
