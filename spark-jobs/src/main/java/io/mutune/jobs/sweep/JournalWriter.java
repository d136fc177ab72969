package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Appends journal rows from a background thread, committing whatever has queued up since the last
 * commit as one batch. Trials that finish together share a commit instead of waiting in line for
 * one commit each, and the driver's loop never blocks on table I/O. Commits are at least
 * {@link #MIN_COMMIT_INTERVAL_MS} apart unless someone waits in {@link #flush}: every row is already
 * durable in the write-ahead log, and each table commit costs the driver CPU and a Spark job.
 */
final class JournalWriter implements AutoCloseable {
    static final long MIN_COMMIT_INTERVAL_MS = 2000;
    private final TrialJournal journal;
    private final LinkedBlockingQueue<JournalRow> queue = new LinkedBlockingQueue<>();
    private final Thread thread;
    private final Object progress = new Object();
    private long written;
    private long committed;
    private long commits;
    private long[] commitMillis = new long[64];
    private volatile boolean closing;
    private volatile boolean flushRequested;
    private volatile RuntimeException failure;

    JournalWriter(TrialJournal journal) {
        this.journal = journal;
        this.thread = new Thread(this::loop, "mutune-journal-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a row; it is committed with whatever else queued up meanwhile. */
    void write(JournalRow row) {
        throwIfFailed();
        synchronized (progress) {
            written++;
        }
        queue.add(row);
    }

    /** Blocks until every row written so far is committed, or the writer has failed. */
    void flush() {
        flushRequested = true;
        synchronized (progress) {
            long target = written;
            while (committed < target && failure == null) {
                try {
                    progress.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while flushing the journal", e);
                }
            }
        }
        throwIfFailed();
    }

    /** How many commits the journal took so far (fewer than rows when trials finished together), and how long they took. */
    JournalCommits commits() {
        synchronized (progress) {
            return JournalCommits.of(java.util.Arrays.copyOf(commitMillis, (int) commits), committed);
        }
    }

    private void loop() {
        while (!closing || !queue.isEmpty()) {
            try {
                JournalRow first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                List<JournalRow> batch = new ArrayList<>();
                batch.add(first);
                queue.drainTo(batch);
                long t0 = System.nanoTime();
                journal.append(batch);
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
            } catch (RuntimeException e) {
                failure = new IllegalStateException("cannot append to the trial journal " + journal.location() + ": " + e.getMessage(), e);
                synchronized (progress) {
                    progress.notifyAll();
                }
                return;
            }
        }
    }

    private void pauseBetweenCommits() throws InterruptedException {
        long until = System.currentTimeMillis() + MIN_COMMIT_INTERVAL_MS;
        while (!flushRequested && !closing && System.currentTimeMillis() < until) {
            Thread.sleep(20);
        }
        flushRequested = false;
    }

    private void throwIfFailed() {
        if (failure != null) {
            throw failure;
        }
    }

    @Override
    public void close() {
        flush();
        closing = true;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(60));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
