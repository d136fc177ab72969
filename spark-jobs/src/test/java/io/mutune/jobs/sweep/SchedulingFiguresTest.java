package io.mutune.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchedulingFiguresTest {
    @Test
    void splitsTheDriversShareFromTheWholeOverhead() {
        List<SegmentTiming> timings = new ArrayList<>();
        // segment i: asked at 1000 i, submitted i ms later, started 10 i ms after the ask
        for (int i = 1; i <= 20; i++) {
            long ask = 1000L * i;
            timings.add(new SegmentTiming("t" + i, ask, ask + i, ask + 10L * i, ask + 10L * i + 500));
        }
        SchedulingFigures f = SchedulingFigures.of(timings);
        assertEquals(20, f.segments());
        assertEquals(10, f.driverMedianMs());
        assertEquals(19, f.driverP95Ms());
        assertEquals(100, f.startMedianMs());
        assertEquals(190, f.startP95Ms());
        assertEquals("scheduling: 20 segments, ask to submit median 10 ms (p95 19), ask to task start median 100 ms (p95 190)", f.line());
    }

    @Test
    void utilisationIsBusySlotTimeOverSlotsTimesTheWallFromTheFirstAsk() {
        // two slots for 10 s: one busy 9 s, the other 6 s of it (asked at 0, last end at 10 s)
        List<SegmentTiming> timings = List.of(new SegmentTiming("a", 0, 5, 1000, 10_000),
                new SegmentTiming("b", 0, 5, 1000, 4000), new SegmentTiming("c", 3000, 3005, 7000, 10_000));
        SlotUtilisation u = SlotUtilisation.of(timings, 2);
        assertEquals(0.75, u.utilisation(), 1e-9);
        assertEquals("slots: utilisation 75.0% of 2 slots over 10.0 s (first ask to last end), 0.30 segments/s", u.line());
    }
}
