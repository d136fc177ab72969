package io.mutune.jobs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "Latest" means one thing: the sweep last started from the spec. {@code report latest --spec} and
 * {@code sweep --resume} pick the same one, also when another spec whose name starts the same
 * ("lat", "latency") wrote a newer sweep to the same journal.
 */
class LatestSweepTest {
    @TempDir
    Path dir;

    @Test
    void reportLatestAndResumePickTheSameSweep() throws Exception {
        FaultSweep s = new FaultSweep(dir);
        Path lat = s.spec("lat", FaultSweep.sleepingTrial(0), 1, "[64]", "{}");
        Path latency = s.spec("latency", FaultSweep.sleepingTrial(0), 1, "[64]", "{}");
        assertEquals(0, FaultSweep.cli("sweep", lat.toString(), "--sweep-id", "lat-1").code());
        assertEquals(0, FaultSweep.cli("sweep", latency.toString(), "--sweep-id", "latency-1").code());

        FaultSweep.Result resume = FaultSweep.cli("sweep", lat.toString(), "--resume");
        assertTrue(resume.out().contains("mutune sweep lat-1: already finished and published"), resume.out());
        FaultSweep.Result report = FaultSweep.cli("report", "latest", "--spec", lat.toString(), "--out", dir.resolve("report").toString(), "--no-png");
        assertEquals(0, report.code(), report.out());
        String html = Files.readString(dir.resolve("report/report.html"));
        assertTrue(html.contains("lat-1"), "the report is of lat-1");
        assertFalse(html.contains("latency-1"), "not of the other spec's newer sweep");
    }
}
