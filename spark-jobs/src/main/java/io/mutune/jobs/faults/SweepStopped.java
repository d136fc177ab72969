package io.mutune.jobs.faults;

/**
 * A sweep that stopped on a fault of the driver's own I/O, with every row already written kept.
 * The message is the one line the user sees: what failed, why, where the rows are, and (once the
 * command line adds it) the exact command that resumes the sweep.
 */
public final class SweepStopped extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String account;
    private final String resumeCommand;

    /** @param account what failed and where the rows are, e.g. "cannot append ...: Permission denied; every row is in ..." */
    public SweepStopped(String account, Throwable cause) {
        this(account, null, cause);
    }

    private SweepStopped(String account, String resumeCommand, Throwable cause) {
        super("stopped: " + account + (resumeCommand == null ? "" : "; after fixing it, resume with: " + resumeCommand), cause);
        this.account = account;
        this.resumeCommand = resumeCommand;
    }

    /** The same stop, its message ending with the command that resumes the sweep. */
    public SweepStopped withResume(String command) {
        SweepStopped s = new SweepStopped(account, command, getCause());
        s.setStackTrace(getStackTrace());
        return s;
    }

    /** The resume command, or null when none was added. */
    public String resumeCommand() {
        return resumeCommand;
    }
}
