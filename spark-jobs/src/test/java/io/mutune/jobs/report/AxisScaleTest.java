package io.mutune.jobs.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class AxisScaleTest {
    @Test
    void logTicksArePowersOfTenAndPixelsRunTheRightWay() {
        AxisScale s = new AxisScale(1e-4, 1e-1, true, 0, 300);
        assertEquals(List.of(1e-4, 1e-3, 1e-2, 1e-1), s.ticks());
        assertEquals(100, s.toPixel(1e-3), 1e-9);
        AxisScale y = new AxisScale(0, 10, false, 200, 0);
        assertEquals(200, y.toPixel(0), 1e-9);
        assertEquals(List.of(0.0, 2.0, 4.0, 6.0, 8.0, 10.0), y.ticks());
        assertThrows(IllegalArgumentException.class, () -> new AxisScale(0, 1, true, 0, 1));
        assertEquals("1e-4", AxisScale.format(1e-4));
        // A narrow log range still gets several ticks.
        assertEquals(true, new AxisScale(0.0035, 0.009, true, 0, 300).ticks().size() >= 3);
        assertEquals("0.25", AxisScale.format(0.25));
    }
}
