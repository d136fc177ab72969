package io.mutune.connectors.recommend;

import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * Runs an optimistic write again after a concurrency conflict: the write re-reads the table each
 * time, so the retry sees the winner's commit. Backoff is jittered so two nightly sweeps that
 * collided once do not collide again in lock step.
 */
public final class ConflictRetry {
    private final int attempts;
    private final Predicate<Throwable> isConflict;

    /** @param attempts how many times to try in all; at least 1 */
    public ConflictRetry(int attempts, Predicate<Throwable> isConflict) {
        if (attempts < 1) {
            throw new IllegalArgumentException("retry attempts must be at least 1, got " + attempts);
        }
        this.attempts = attempts;
        this.isConflict = isConflict;
    }

    public <T> T run(String what, Supplier<T> write) {
        SplittableRandom jitter = new SplittableRandom();
        RuntimeException last = null;
        for (int i = 0; i < attempts; i++) {
            try {
                return write.get();
            } catch (RuntimeException e) {
                if (!causedByConflict(e)) {
                    throw e;
                }
                last = e;
                sleep(jitter.nextLong(20, 200L * (i + 1)));
            }
        }
        throw new IllegalStateException(what + " lost " + attempts + " concurrency conflicts in a row; giving up", last);
    }

    private boolean causedByConflict(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (isConflict.test(t)) {
                return true;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a publish", e);
        }
    }
}
