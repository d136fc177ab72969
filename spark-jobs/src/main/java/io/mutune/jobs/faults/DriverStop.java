package io.mutune.jobs.faults;

import java.util.concurrent.CompletableFuture;

/**
 * The signal that stops a sweep's driver: the first fault of any of its threads (the journal
 * writer, or one that died of an uncaught exception) completes it, and the driver's loop, which
 * waits on it beside its running segments, wakes at once and stops the sweep. So a writer that
 * fails while every task slot is busy with a long trial does not wait for that trial.
 */
public final class DriverStop {
    private final CompletableFuture<Fault> fault = new CompletableFuture<>();

    /** What failed, in words ("cannot append to the trial journal delta:/x"), and why. */
    public record Fault(String what, Throwable cause) {
        /** The fault as one line. */
        public String line() {
            return what + ": " + OneLine.of(cause);
        }
    }

    /** Records the fault; only the first one counts. */
    public void fail(String what, Throwable cause) {
        fault.complete(new Fault(what, cause));
    }

    /** Completes when the driver must stop. */
    public CompletableFuture<Fault> signal() {
        return fault;
    }

    public boolean stopped() {
        return fault.isDone();
    }

    /** The fault, or null while there is none. */
    public Fault fault() {
        return fault.getNow(null);
    }

    /** Throws {@link Stopping} if a fault was recorded. */
    public void throwIfStopped() {
        Fault f = fault();
        if (f != null) {
            throw new Stopping(f);
        }
    }

    /** Turns the death of one of the driver's threads into a stop instead of a silent end. */
    public Thread.UncaughtExceptionHandler handler() {
        return (thread, e) -> fail("thread " + thread.getName() + " died", e);
    }

    /** A daemon thread of the driver whose uncaught exception stops the sweep. */
    public Thread newThread(Runnable body, String name) {
        Thread t = new Thread(body, name);
        t.setDaemon(true);
        t.setUncaughtExceptionHandler(handler());
        return t;
    }

    /** Thrown on the driver's own thread once a fault was recorded elsewhere. */
    public static final class Stopping extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final transient Fault fault;

        Stopping(Fault fault) {
            super(fault.line(), fault.cause());
            this.fault = fault;
        }

        public Fault fault() {
            return fault;
        }
    }
}
