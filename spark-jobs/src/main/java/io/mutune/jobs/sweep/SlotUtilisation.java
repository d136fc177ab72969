package io.mutune.jobs.sweep;

import java.util.List;
import java.util.Locale;

/**
 * How busy a sweep kept the cluster: the segments' run time over the slots it had times the wall
 * time from its first ask to its last end. What is missing is the cost of scheduling (the driver,
 * Spark's task launch) and of slots waiting for a tuner that had nothing to hand out.
 *
 * @param slots        the most trial slots the cluster offered during the run
 * @param wallSeconds  first ask to last end
 * @param utilisation  busy slot time over {@code slots x wall}
 * @param segmentsPerSecond ended segments over the wall time (each a result told to its tuner)
 */
public record SlotUtilisation(int slots, double wallSeconds, double utilisation, double segmentsPerSecond) {

    static SlotUtilisation of(List<SegmentTiming> timings, int slots) {
        if (timings.isEmpty() || slots < 1) {
            return new SlotUtilisation(Math.max(slots, 0), 0, 0, 0);
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        double busy = 0;
        for (SegmentTiming t : timings) {
            first = Math.min(first, t.askedAtMillis());
            last = Math.max(last, t.finishedAtMillis());
            busy += t.runMillis();
        }
        double wallMs = Math.max(1, last - first);
        return new SlotUtilisation(slots, wallMs / 1000, busy / (slots * wallMs), timings.size() / (wallMs / 1000));
    }

    /** One line for the sweep summary; benchmarks and tests parse it. */
    public String line() {
        return String.format(Locale.ROOT, "slots: utilisation %.1f%% of %d slots over %.1f s (first ask to last end), %.2f segments/s",
                100 * utilisation, slots, wallSeconds, segmentsPerSecond);
    }
}
