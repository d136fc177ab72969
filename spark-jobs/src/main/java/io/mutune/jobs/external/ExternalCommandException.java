package io.mutune.jobs.external;

/** An external trial program that could not start, exited non-zero, or hung; the message holds its stderr tail. */
public class ExternalCommandException extends Exception {
    private static final long serialVersionUID = 1L;

    public ExternalCommandException(String message) {
        super(message);
    }

    public ExternalCommandException(String message, Throwable cause) {
        super(message, cause);
    }
}
