package io.mutune.jobs.sweep;

/**
 * When one segment was asked for, handed to Spark, started on its executor and finished, in epoch
 * milliseconds: the sweep summary's scheduling line and the benchmark's figures come from these.
 */
public record SegmentTiming(String trialId, long askedAtMillis, long submittedAtMillis, long startedAtMillis, long finishedAtMillis) {

    /** Time from the driver's ask to the task starting: what the driver and Spark add per segment. */
    public long overheadMillis() {
        return startedAtMillis - askedAtMillis;
    }

    /** Time from the ask to the job's submission: the driver's own share (tuner ask, journal row made durable, job built). */
    public long driverMillis() {
        return submittedAtMillis - askedAtMillis;
    }

    public long runMillis() {
        return finishedAtMillis - startedAtMillis;
    }
}
