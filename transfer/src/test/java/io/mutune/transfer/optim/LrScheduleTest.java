package io.mutune.transfer.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LrScheduleTest {
    @Test
    void warmupThenCosine() {
        LrSchedule s = LrSchedule.fromSpec("proxy.schedule", Map.of("kind", "cosine", "warmup_steps", 10, "total_steps", 110));
        assertEquals(0.1, s.factor(0), 1e-12);
        assertEquals(1.0, s.factor(9), 1e-12);
        assertEquals(1.0, s.factor(10), 1e-12);
        assertEquals(0.5, s.factor(60), 1e-12);
        assertEquals(0.0, s.factor(110), 1e-12);
        assertEquals(0.0, s.factor(500), 1e-12);
    }

    @Test
    void wsdHoldsThenDecaysLinearly() {
        LrSchedule s = LrSchedule.fromSpec("proxy.schedule", Map.of("kind", "wsd", "warmup_steps", 0, "total_steps", 100,
                "decay_fraction", 0.2, "min_factor", 0.0));
        assertEquals(1.0, s.factor(79), 1e-12);
        assertEquals(1.0, s.factor(80), 1e-12);
        assertEquals(0.5, s.factor(90), 1e-12);
        assertEquals(0.0, s.factor(100), 1e-12);
    }

    @Test
    void badKindNamesTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> LrSchedule.fromSpec("proxy.schedule", Map.of("kind", "linear")));
        assertTrue(e.getMessage().startsWith("proxy.schedule.kind: unknown 'linear'"), e.getMessage());
    }
}
