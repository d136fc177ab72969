package io.mutune.jobs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** No thread of the driver dies silently: its death is the sweep's stop, and a loop waiting on the signal wakes. */
class DriverStopTest {

    @Test
    void aDriverThreadThatDiesStopsTheSweep() throws Exception {
        DriverStop stop = new DriverStop();
        Thread t = stop.newThread(() -> {
            throw new OutOfMemoryError("Java heap space");
        }, "mutune-journal-writer");
        t.start();
        DriverStop.Fault f = stop.signal().get(10, TimeUnit.SECONDS);
        assertEquals("thread mutune-journal-writer died: Java heap space", f.line());
        DriverStop.Stopping s = assertThrows(DriverStop.Stopping.class, stop::throwIfStopped);
        assertTrue(s.getCause() instanceof OutOfMemoryError);
    }

    @Test
    void onlyTheFirstFaultCounts() {
        DriverStop stop = new DriverStop();
        stop.fail("cannot append 2 rows to the trial journal delta:/x", new IllegalStateException("disk full"));
        stop.fail("thread w died", new RuntimeException("later"));
        assertEquals("cannot append 2 rows to the trial journal delta:/x: disk full", stop.fault().line());
    }
}
