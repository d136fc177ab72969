package io.mutune.hpo.space;

/**
 * A search space in a spec is malformed. The message names the parameter (as
 * {@code search.space.NAME}) and the form that was expected, so a user can fix the YAML.
 */
public class SpaceSpecException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public SpaceSpecException(String message) {
        super(message);
    }

    /** An error about one parameter: {@code search.space.<name>: <problem>; expected <form>}. */
    public static SpaceSpecException of(String name, String problem, String expected) {
        return new SpaceSpecException("search.space." + name + ": " + problem + "; expected " + expected);
    }
}
