package io.mutune.jobs.sweep;

import java.util.List;
import java.util.Locale;
import java.util.function.ToLongFunction;

/**
 * Where a sweep's per-segment scheduling time went: the driver's share (ask to submission) and
 * the whole of it (ask to the task starting on its executor), as median and 95th percentile.
 */
public record SchedulingFigures(int segments, long driverMedianMs, long driverP95Ms, long startMedianMs, long startP95Ms) {

    public static SchedulingFigures of(List<SegmentTiming> timings) {
        return new SchedulingFigures(timings.size(),
                percentile(timings, SegmentTiming::driverMillis, 0.5), percentile(timings, SegmentTiming::driverMillis, 0.95),
                percentile(timings, SegmentTiming::overheadMillis, 0.5), percentile(timings, SegmentTiming::overheadMillis, 0.95));
    }

    /** What {@link #line()}'s figures measure, for a reader of the summary. */
    public static final String EXPLAINED = "  (ask to submit: the driver's own time per segment; ask to task start adds the time the segment"
            + " waited in Spark's queue for a free slot, so it grows with queue_ahead and with the length of the trials ahead of it)";

    /** One line for the sweep summary; benchmarks parse it. */
    public String line() {
        return String.format(Locale.ROOT, "scheduling: %d segments, ask to submit median %d ms (p95 %d), ask to task start median %d ms (p95 %d)",
                segments, driverMedianMs, driverP95Ms, startMedianMs, startP95Ms);
    }

    private static long percentile(List<SegmentTiming> timings, ToLongFunction<SegmentTiming> f, double q) {
        if (timings.isEmpty()) {
            return 0;
        }
        long[] v = timings.stream().mapToLong(f).sorted().toArray();
        // nearest rank: the smallest value with at least q of the sample at or below it
        int rank = (int) Math.ceil(q * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }
}
