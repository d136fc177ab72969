package io.mutune.jobs.sweep;

/**
 * When one segment was asked for, started on its executor and finished, in epoch milliseconds:
 * the benchmark's utilisation and scheduling overhead come from these.
 */
public record SegmentTiming(String trialId, long askedAtMillis, long startedAtMillis, long finishedAtMillis) {

    /** Time from the driver's ask to the task starting: what the driver and Spark add per segment. */
    public long overheadMillis() {
        return startedAtMillis - askedAtMillis;
    }

    public long runMillis() {
        return finishedAtMillis - startedAtMillis;
    }
}
