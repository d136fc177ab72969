package io.mutune.transfer.optim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LrScheduleTest {
    @Test
    void warmupThenCosine() {
        LrSchedule s = ScheduleSpec.fromSpec("proxy.schedule", Map.of("kind", "cosine", "warmup_steps", 10, "total_steps", 110))
                .resolve(110, 1, "test");
        assertEquals(0.1, s.factor(0), 1e-12);
        assertEquals(1.0, s.factor(9), 1e-12);
        assertEquals(1.0, s.factor(10), 1e-12);
        assertEquals(0.5, s.factor(60), 1e-12);
        assertEquals(0.0, s.factor(110), 1e-12);
        assertEquals(0.0, s.factor(500), 1e-12);
    }

    @Test
    void wsdHoldsThenDecaysLinearly() {
        LrSchedule s = ScheduleSpec.fromSpec("proxy.schedule", Map.of("kind", "wsd", "warmup_steps", 0, "total_steps", 100,
                "decay_fraction", 0.2, "min_factor", 0.0)).resolve(100, 1, "test");
        assertEquals(1.0, s.factor(79), 1e-12);
        assertEquals(1.0, s.factor(80), 1e-12);
        assertEquals(0.5, s.factor(90), 1e-12);
        assertEquals(0.0, s.factor(100), 1e-12);
    }

    @Test
    void badKindNamesTheField() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScheduleSpec.fromSpec("proxy.schedule", Map.of("kind", "linear")));
        assertTrue(e.getMessage().startsWith("proxy.schedule.kind: unknown 'linear'"), e.getMessage());
    }

    @Test
    void warmupInTokensOrAsAFractionFollowsTheHorizonAndTheBatch() {
        ScheduleSpec tokens = ScheduleSpec.fromSpec("proxy.schedule", Map.of("kind", "wsd", "warmup_tokens", 6400));
        // 6400 tokens: 100 steps of 64 tokens, 50 steps of 128
        assertEquals(100, tokens.resolve(1000, 64, "test").warmupSteps());
        assertEquals(50, tokens.resolve(1000, 128, "test").warmupSteps());
        ScheduleSpec fraction = ScheduleSpec.fromSpec("proxy.schedule", Map.of("kind", "cosine", "warmup_fraction", 0.1));
        assertEquals(30, fraction.resolve(300, 64, "test").warmupSteps());
        assertEquals(300, fraction.resolve(300, 64, "test").totalSteps());
        // the decay ends at the horizon
        assertEquals(0.0, fraction.resolve(300, 64, "test").factor(300), 1e-12);
        assertTrue(fraction.resolve(300, 64, "test").factor(299) > 0);
    }

    @Test
    void aWarmupAsLongAsTheHorizonNamesItsField() {
        ScheduleSpec s = ScheduleSpec.fromSpec("proxy.schedule", Map.of("kind", "wsd", "warmup_tokens", 6400));
        // 6400 tokens at 100 per step: 64 warmup steps, which a 60-step horizon cannot hold and an 80-step one can
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> s.resolve(60, 100, "scales.tokens 6000"));
        assertEquals("proxy.schedule.warmup_tokens: warmup of 64 steps is not shorter than the horizon of 60 steps (scales.tokens 6000)",
                e.getMessage());
        assertEquals(64, s.resolve(80, 100, "fits").warmupSteps());
    }

    @Test
    void twoWarmupsOrADecayWithoutHorizonAreRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ScheduleSpec.fromSpec("proxy.schedule",
                Map.of("kind", "wsd", "warmup_tokens", 6400, "warmup_steps", 3)));
        assertTrue(e.getMessage().startsWith("proxy.schedule: give one of warmup_steps, warmup_fraction, warmup_tokens"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> ScheduleSpec.fromSpec("proxy.schedule",
                Map.of("kind", "cosine")).resolve(0, 1, "test"));
        assertTrue(e.getMessage().startsWith("proxy.schedule.total_steps: a cosine schedule needs a horizon"), e.getMessage());
    }
}
