package io.mutune.jobs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Locations nobody can write (under /proc, which even root cannot write): the sweep fails before
 * its first trial with one line naming the spec field and the location, and exit code 2.
 */
class PreflightTest {
    @TempDir
    Path dir;

    private FaultSweep.Result sweep(FaultSweep s, String name) throws Exception {
        return FaultSweep.cli("sweep", s.spec(name, FaultSweep.sleepingTrial(0), 3, "[64]", "{}").toString(), "--sweep-id", name + "-1");
    }

    @Test
    void anUnwritableJournalFailsBeforeAnyTrial() throws Exception {
        FaultSweep s = new FaultSweep(dir);
        s.trials = "delta:/proc/mutune/trials";
        FaultSweep.Result r = sweep(s, "journal");
        assertEquals(2, r.code(), r.out());
        List<String> lines = r.lines("mutune sweep: ");
        assertEquals(1, lines.size(), r.out());
        assertTrue(lines.get(0).startsWith("mutune sweep: output.trials: cannot create delta:/proc/mutune/trials: "), r.out());
        assertFalse(r.out().contains("\tat "), "no stack trace: " + r.out());
        assertEquals(0, s.starts(), "no trial may start");
        assertFalse(Files.exists(dir.resolve("lake/recs")), "the recommendations table is not created either");
    }

    @Test
    void anUnwritableRecommendationsTableFailsBeforeAnyTrial() throws Exception {
        FaultSweep s = new FaultSweep(dir);
        s.recommendations = "delta:/proc/mutune/recs";
        FaultSweep.Result r = sweep(s, "recs");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.out().contains("mutune sweep: output.recommendations: cannot create delta:/proc/mutune/recs: "), r.out());
        assertEquals(0, s.starts());
        assertEquals(List.of(), s.journal("recs-1"), "no journal row");
    }

    @Test
    void anUnwritableCheckpointFolderFailsBeforeAnyTrial() throws Exception {
        FaultSweep s = new FaultSweep(dir);
        s.checkpoints = "file:/proc/mutune/ckpt";
        FaultSweep.Result r = sweep(s, "ckpt");
        assertEquals(2, r.code(), r.out());
        assertTrue(r.out().contains("mutune sweep: output.checkpoints: cannot write file:/proc/mutune/ckpt/ckpt-1/_wal: "), r.out());
        assertEquals(0, s.starts());
        assertEquals(List.of(), s.journal("ckpt-1"));
    }
}
