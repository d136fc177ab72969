package io.mutune.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.spec.SweepSpecParser;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;

class SweepIdsTest {
    private static final SweepSpec SPEC = SweepSpecParser.parse("""
            sweep: gpt-proxy-nightly
            seed: 1
            proxy: {model: command, command: [x]}
            scales: {width: [64]}
            search: {space: {lr: {float: [0.001, 0.1]}}, resource: {max: 1}}
            targets: [{width: 128}]
            output: {trials: "delta:/tmp/t", recommendations: "delta:/tmp/r", checkpoints: "file:/nonexistent/mutune-ckpt"}
            """);
    // 23:30 in New York is already the next day in UTC: the nightly id follows UTC.
    private static final Clock LATE_EVENING_NEW_YORK = Clock.fixed(Instant.parse("2026-11-24T04:30:00Z"), ZoneId.of("America/New_York"));


    @Test
    void nightlyIsTheSpecNameAndTheUtcDate() {
        assertEquals("gpt-proxy-nightly-20261124", SweepIds.choose(SweepStart.of(true, null, false), null, SPEC, new Configuration(), LATE_EVENING_NEW_YORK));
    }

    @Test
    void aNewSweepIsNamedAfterTheSpecAndTheUtcTime() {
        assertEquals("gpt-proxy-nightly-20261124-043000", SweepIds.choose(SweepStart.of(false, null, false), null, SPEC, new Configuration(), LATE_EVENING_NEW_YORK));
    }

    @Test
    void aNamedSweepKeepsItsName() {
        assertEquals("mine", SweepIds.choose(SweepStart.of(false, "mine", true), "mine", SPEC, new Configuration(), LATE_EVENING_NEW_YORK));
    }

    @Test
    void nightlyWithAnExplicitIdIsRefused() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepStart.of(true, "x", false));
        assertTrue(e.getMessage().contains("--nightly"), e.getMessage());
    }

    @Test
    void resumeWithNothingStartedSaysSo() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SweepIds.choose(SweepStart.of(false, null, true), null, SPEC, new Configuration(), LATE_EVENING_NEW_YORK));
        assertTrue(e.getMessage().contains("no sweep of spec 'gpt-proxy-nightly'"), e.getMessage());
    }
}
