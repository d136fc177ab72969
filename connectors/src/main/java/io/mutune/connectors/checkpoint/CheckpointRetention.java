package io.mutune.connectors.checkpoint;

import java.util.Map;
import java.util.Set;

/**
 * How many checkpoints {@link CheckpointStore#cleanup} keeps per trial, as the spec's
 * {@code output.checkpoint_retention} says: {@code {keep_stopped: 0, keep_last: 2}}.
 *
 * @param keepStopped checkpoints kept of a trial that will never resume (stopped by the scheduler, or diverged); 0 deletes them all
 * @param keepLast    checkpoints kept of any other trial; at least 1, because a resume needs the newest
 */
public record CheckpointRetention(int keepStopped, int keepLast) {
    private static final Set<String> FIELDS = Set.of("keep_stopped", "keep_last");

    public CheckpointRetention {
        if (keepStopped < 0) {
            throw new IllegalArgumentException("output.checkpoint_retention.keep_stopped must be 0 or more, got " + keepStopped);
        }
        if (keepLast < 1) {
            throw new IllegalArgumentException("output.checkpoint_retention.keep_last must be at least 1 (a resume needs the newest), got " + keepLast);
        }
    }

    /** Stopped trials lose every checkpoint; others keep their newest one. */
    public static CheckpointRetention defaults() {
        return new CheckpointRetention(0, 1);
    }

    /** From the spec's map; a missing field takes its default, an unknown one is an error. */
    public static CheckpointRetention fromSpec(Map<String, ?> section) {
        if (section == null) {
            return defaults();
        }
        for (String k : section.keySet()) {
            if (!FIELDS.contains(k)) {
                throw new IllegalArgumentException("output.checkpoint_retention: unknown field '" + k + "'; expected " + FIELDS);
            }
        }
        return new CheckpointRetention(count(section, "keep_stopped", 0), count(section, "keep_last", 1));
    }

    private static int count(Map<String, ?> section, String field, int fallback) {
        Object v = section.get(field);
        if (v == null) {
            return fallback;
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return n.intValue();
        }
        throw new IllegalArgumentException("output.checkpoint_retention." + field + " must be a whole number, got '" + v + "'");
    }
}
