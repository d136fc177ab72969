package io.mutune.jobs.faults;

import java.util.Locale;
import java.util.function.Consumer;

/**
 * Runs a table write again after a transient fault ({@link TransientFaults}), with exponential
 * backoff (0.5 s, 1 s, 2 s ... at most 8 s apart), for as long as a window of time allows: 60 s
 * unless the system property {@value #WINDOW_PROPERTY} says otherwise. A database restarted within
 * the window costs a pause; one that stays down stops the sweep with a message saying how often
 * and how long it was tried. Any other fault is thrown at once.
 */
public final class BoundedRetry {
    /** The system property that sets the window, in seconds (e.g. {@code -Dmutune.io.retrySeconds=300}). */
    public static final String WINDOW_PROPERTY = "mutune.io.retrySeconds";
    static final long DEFAULT_WINDOW_SECONDS = 60;
    private static final long FIRST_DELAY_MILLIS = 500;
    private static final long MAX_DELAY_MILLIS = 8000;
    private final long windowMillis;

    /** @param windowMillis how long after the first failure a write may still be tried; 0 tries once */
    public BoundedRetry(long windowMillis) {
        if (windowMillis < 0) {
            throw new IllegalArgumentException("retry window must be >= 0 ms, got " + windowMillis);
        }
        this.windowMillis = windowMillis;
    }

    /** The window that {@value #WINDOW_PROPERTY} sets, else 60 s. */
    public static BoundedRetry fromSystemProperties() {
        String s = System.getProperty(WINDOW_PROPERTY);
        if (s == null || s.isBlank()) {
            return new BoundedRetry(DEFAULT_WINDOW_SECONDS * 1000);
        }
        try {
            return new BoundedRetry(Math.round(Double.parseDouble(s.trim()) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("-D" + WINDOW_PROPERTY + " must be a number of seconds, got '" + s + "'", e);
        }
    }

    /** One try of the write; {@code attempt} is 1 for the first. */
    @FunctionalInterface
    public interface Attempt<T> {
        T run(int attempt) throws Exception;
    }

    /**
     * The write's result. A transient fault is retried while the window lasts, telling
     * {@code onRetry} each time (for the console); a fault that outlasts the window is thrown as
     * {@link RetriesExhausted}; any other fault is thrown as it came.
     *
     * @param what what the write does, for messages: "append 12 rows to the trial journal delta:/lake/trials"
     */
    public <T> T run(String what, Attempt<T> write, Consumer<String> onRetry) throws Exception {
        long start = System.nanoTime();
        long delay = FIRST_DELAY_MILLIS;
        for (int attempt = 1; ; attempt++) {
            try {
                return write.run(attempt);
            } catch (Exception e) {
                String kind = TransientFaults.kind(e).orElse(null);
                if (kind == null) {
                    throw e;
                }
                long elapsed = (System.nanoTime() - start) / 1_000_000;
                if (elapsed + delay > windowMillis) {
                    throw new RetriesExhausted(what, kind, attempt, elapsed, e);
                }
                onRetry.accept(String.format(Locale.ROOT, "%s failed (%s: %s); try %d in %.1f s", what, kind,
                        OneLine.of(e), attempt + 1, delay / 1000.0));
                Thread.sleep(delay);
                delay = Math.min(MAX_DELAY_MILLIS, delay * 2);
            }
        }
    }

    /** A transient fault that lasted longer than the retry window. */
    public static final class RetriesExhausted extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int attempts;

        RetriesExhausted(String what, String kind, int attempts, long elapsedMillis, Throwable last) {
            super(String.format(Locale.ROOT, "%s failed %d times over %.1f s (%s; -D%s sets how long to keep trying): %s",
                    what, attempts, elapsedMillis / 1000.0, kind, WINDOW_PROPERTY, OneLine.of(last)), last);
            this.attempts = attempts;
        }

        /** How many times the write was tried. */
        public int attempts() {
            return attempts;
        }
    }
}
