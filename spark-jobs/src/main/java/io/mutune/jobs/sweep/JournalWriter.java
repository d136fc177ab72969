package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.jobs.faults.BoundedRetry;
import io.mutune.jobs.faults.DriverStop;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Appends journal rows from a background thread, committing whatever has queued up since the last
 * commit as one batch. Trials that finish together share a commit instead of waiting in line for
 * one commit each, and the driver's loop never blocks on table I/O. Commits are at least
 * {@link #MIN_COMMIT_INTERVAL_MS} apart unless someone waits in {@link #flush}: every row is already
 * durable in the write-ahead log, and each table commit costs the driver CPU and a Spark job.
 *
 * <p>A commit that fails transiently (a concurrent writer won the race, the database connection
 * dropped) is tried again within the {@link BoundedRetry} window; a retry first reads which of the
 * batch's rows the failed try did commit, so no row is ever appended twice. Any other failure, or
 * one that outlasts the window, stops the sweep through {@link DriverStop}: the writer never dies
 * silently and nobody waits for it forever.
 */
final class JournalWriter implements AutoCloseable {
    static final long MIN_COMMIT_INTERVAL_MS = 2000;
    private final TrialJournal journal;
    private final DriverStop stop;
    private final BoundedRetry retry;
    private final Consumer<String> console;
    private final LinkedBlockingQueue<JournalRow> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Object progress = new Object();
    private long written;
    private long committed;
    private long commits;
    private long[] commitMillis = new long[64];
    private long retries;
    private volatile boolean closing;
    private volatile boolean flushRequested;
    private volatile Throwable failure;

    /**
     * @param console where a retried commit is announced (one line each), so a pause has a reason on screen
     */
    JournalWriter(TrialJournal journal, DriverStop stop, BoundedRetry retry, Consumer<String> console) {
        this.journal = journal;
        this.stop = stop;
        this.retry = retry;
        this.console = console;
        this.thread = stop.newThread(this::loop, "mutune-journal-writer");
        this.thread.start();
    }

    /** Queues a row; it is committed with whatever else queued up meanwhile. */
    void write(JournalRow row) {
        synchronized (progress) {
            written++;
        }
        queue.add(row);
    }

    /** Blocks until every row written so far is committed; throws once the writer or the sweep has failed. */
    void flush() {
        flushRequested = true;
        synchronized (progress) {
            long target = written;
            while (committed < target && failure == null && !stop.stopped()) {
                try {
                    progress.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while flushing the journal", e);
                }
            }
        }
        stop.throwIfStopped();
    }

    /**
     * After the sweep stopped for another reason (the write-ahead log failed): waits at most
     * {@code maxMillis} for the queued rows to be committed. Returns whether they all were.
     */
    boolean drain(long maxMillis) {
        flushRequested = true;
        long deadline = System.currentTimeMillis() + maxMillis;
        synchronized (progress) {
            while (committed < written && failure == null && System.currentTimeMillis() < deadline) {
                try {
                    progress.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return committed >= written;
        }
    }

    /** Whether the writer itself failed (its rows then live in the write-ahead log only). */
    boolean failed() {
        return failure != null;
    }

    /** How many commits the journal took so far (fewer than rows when trials finished together), and how long they took. */
    JournalCommits commits() {
        synchronized (progress) {
            return JournalCommits.of(java.util.Arrays.copyOf(commitMillis, (int) commits), committed);
        }
    }

    /** How many times a commit was tried again after a transient fault. */
    long retries() {
        synchronized (progress) {
            return retries;
        }
    }

    /** Rows written and not yet committed. */
    long pending() {
        synchronized (progress) {
            return written - committed;
        }
    }

    private void loop() {
        while (!closing || !queue.isEmpty()) {
            List<JournalRow> batch = new ArrayList<>();
            try {
                JournalRow first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch);
                long t0 = System.nanoTime();
                commit(batch);
                long tookMs = (System.nanoTime() - t0) / 1_000_000;
                synchronized (progress) {
                    if (commits == commitMillis.length) {
                        commitMillis = java.util.Arrays.copyOf(commitMillis, commitMillis.length * 2);
                    }
                    commitMillis[(int) commits] = tookMs;
                    committed += batch.size();
                    commits++;
                    progress.notifyAll();
                }
                pauseBetweenCommits();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (Exception | Error e) {
                // Exception, not RuntimeException: Delta throws checked IOExceptions (DeltaIOException) from Scala.
                failure = e;
                stop.fail("cannot append " + rowsWord(batch.size()) + " to the trial journal " + journal.location(), e);
                synchronized (progress) {
                    progress.notifyAll();
                }
                return;
            }
        }
    }

    /** One batch, retried on transient faults; a retry appends only the rows the failed try did not commit. */
    private void commit(List<JournalRow> batch) throws Exception {
        retry.run("the journal commit of " + rowsWord(batch.size()), attempt -> {
            if (attempt > 1) {
                synchronized (progress) {
                    retries++;
                }
            }
            List<JournalRow> rows = attempt == 1 ? batch : notYetCommitted(batch);
            journal.append(rows);
            return null;
        }, console);
    }

    /** The rows of {@code batch} the journal does not hold: a try that failed may have committed before it failed. */
    private List<JournalRow> notYetCommitted(List<JournalRow> batch) {
        Set<Long> there = new HashSet<>();
        journal.read(batch.get(0).sweepId()).forEach(r -> there.add(r.seq()));
        return batch.stream().filter(r -> !there.contains(r.seq())).toList();
    }

    private static String rowsWord(int n) {
        return n == 1 ? "1 row" : n + " rows";
    }

    private void pauseBetweenCommits() throws InterruptedException {
        long until = System.currentTimeMillis() + MIN_COMMIT_INTERVAL_MS;
        while (!flushRequested && !closing && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        flushRequested = false;
    }

    /** Commits what is queued, then ends the thread. */
    @Override
    public void close() {
        flush();
        closing = true;
        join(TimeUnit.SECONDS.toMillis(60));
    }

    /** Ends the thread without committing what is left: the sweep stopped and the write-ahead log keeps those rows. */
    void abandon() {
        queue.clear();
        closing = true;
        thread.interrupt();
        join(5000);
    }

    private void join(long millis) {
        try {
            thread.join(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
