package io.mutune.jobs.sweep;

import io.mutune.jobs.exec.SparkSegmentExecutor;
import io.mutune.jobs.faults.DriverStop;
import io.mutune.jobs.faults.OneLine;
import io.mutune.jobs.faults.SweepStopped;

/**
 * What the driver does when its sweep must stop mid-way (the journal or the write-ahead log
 * failed, a thread died, a bug): cancel the segments in flight, make every row written so far
 * durable wherever it still can be (the log, else the journal), and say in one line what failed
 * and where the rows are. The command line adds how to resume.
 */
final class SweepStops {
    /** How long a healthy journal writer gets to commit what is queued when the log is what failed. */
    static final long DRAIN_MILLIS = 30_000;

    private SweepStops() { }

    static SweepStopped stop(Throwable fault, SparkSegmentExecutor executor, JournalWriter writer, WriteAheadLog wal, String journal) {
        executor.cancelAll();
        String cause = fault instanceof DriverStop.Stopping s ? s.fault().line() : OneLine.of(fault);
        boolean logKept = wal != null && closeLog(wal);
        String rows;
        if (logKept) {
            writer.abandon();
            rows = "every row so far is in the write-ahead log " + wal.location() + ", which --resume commits to the journal";
        } else if (!writer.failed() && writer.drain(DRAIN_MILLIS)) {
            writer.abandon();
            rows = "every row so far was committed to the journal " + journal;
        } else {
            long lost = writer.pending();
            writer.abandon();
            rows = lost + " rows reached neither the write-ahead log nor the journal; --resume runs their segments again";
        }
        return new SweepStopped(cause + "; " + rows, fault);
    }

    /** Flushes and closes the log; false when it cannot be (it is what failed). */
    private static boolean closeLog(WriteAheadLog wal) {
        if (wal.failed()) {
            return false;
        }
        try {
            wal.flush();
            wal.close();
            return true;
        } catch (RuntimeException | Error e) {
            // Error: the local file system reports a full disk as FSError.
            return false;
        }
    }
}
