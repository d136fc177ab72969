package io.mutune.connectors.journal;

/** A trial segment's state as the journal records it (DESIGN.md, table {@code trials}). */
public enum TrialStatus {
    PENDING, RUNNING, COMPLETED, STOPPED, DIVERGED, FAILED, STALE;

    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    public static TrialStatus fromColumn(String value) {
        try {
            return valueOf(value.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new IllegalArgumentException("trials.status: unknown status '" + value + "'; expected one of pending, running, completed, stopped, diverged, failed, stale", e);
        }
    }

    /** Whether the segment has ended; a RUNNING or PENDING row with no terminal row after it is stale on resume. */
    public boolean isTerminal() {
        return this != PENDING && this != RUNNING;
    }
}
