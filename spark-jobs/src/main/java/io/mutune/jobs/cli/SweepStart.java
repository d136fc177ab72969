package io.mutune.jobs.cli;

/** How {@code mutune sweep}'s flags pick the sweep id. */
enum SweepStart {
    /** No flag: a new sweep named after the spec and the UTC time. */
    NEW,
    /** {@code --sweep-id ID}: that sweep, resumed when its journal has rows. */
    NAMED,
    /** {@code --resume} alone: the sweep last started from this spec. */
    RESUME_LATEST,
    /** {@code --nightly}: the spec's name and today's UTC date; finished already means nothing to do. */
    NIGHTLY;

    /**
     * @param sweepId the {@code --sweep-id} given, or null
     */
    static SweepStart of(boolean nightly, String sweepId, boolean resume) {
        if (nightly && sweepId != null) {
            throw new IllegalArgumentException("--nightly derives the sweep id from the spec and the date; do not also give --sweep-id " + sweepId);
        }
        if (nightly) {
            return NIGHTLY;
        }
        if (sweepId != null) {
            return NAMED;
        }
        return resume ? RESUME_LATEST : NEW;
    }
}
