package io.mutune.jobs.spec;

/**
 * A sweep spec that cannot be run. The message always starts with the field's path in the spec
 * (e.g. {@code search.trials_per_scale}) and says what form was expected.
 */
public class SpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final String field;

    public SpecException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public SpecException(String field, String problem, Throwable cause) {
        super(field + ": " + problem, cause);
        this.field = field;
    }

    private SpecException(java.nio.file.Path file, String message) {
        super(message);
        this.field = file.toString();
    }

    /** A problem with the spec file itself (missing, not text); the message names the file. */
    static SpecException ofFile(java.nio.file.Path file, String message) {
        return new SpecException(file, message);
    }

    /** The path of the offending field, e.g. {@code scales.width[2]}. */
    public String field() {
        return field;
    }
}
