package io.mutune.jobs.sweep;

import java.util.Arrays;
import java.util.Locale;

/**
 * How the journal table's commits went in one driver run: how many, how many rows they carried, and
 * how long each took (the Delta, Iceberg or JDBC append alone, not the wait between commits).
 *
 * @param commits   table commits
 * @param rows      rows they carried
 * @param medianMs  a commit's duration, median
 * @param p95Ms     95th percentile
 * @param maxMs     the longest
 */
public record JournalCommits(long commits, long rows, long medianMs, long p95Ms, long maxMs) {

    /** Figures from each commit's duration and the total rows. */
    static JournalCommits of(long[] durationsMs, long rows) {
        long[] d = durationsMs.clone();
        Arrays.sort(d);
        return new JournalCommits(d.length, rows, rank(d, 0.5), rank(d, 0.95), d.length == 0 ? 0 : d[d.length - 1]);
    }

    private static long rank(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        int r = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, r - 1))];
    }

    /** One line for the sweep summary; benchmarks parse it. */
    public String line() {
        return String.format(Locale.ROOT, "journal: %d commits, %d rows (%.1f per commit), commit median %d ms (p95 %d, max %d)",
                commits, rows, commits == 0 ? 0.0 : (double) rows / commits, medianMs, p95Ms, maxMs);
    }
}
