package io.mutune.jobs.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SweepFilesTest {
    @TempDir
    Path dir;

    @Test
    void aTrialsCheckpointIsNamedByTrialAndResourceUnderItsSweep() {
        SweepFiles files = new SweepFiles("hdfs://nn:8020/mutune/ckpt", "s-1", new Configuration());
        assertEquals("hdfs://nn:8020/mutune/ckpt/s-1/w64-t0003/r150", files.checkpoint("w64-t0003", 150));
    }

    @Test
    void aRelativeLocalFolderIsMadeAbsoluteSoExecutorsAndResumedDriversAgree() {
        SweepFiles files = new SweepFiles("file:rel/ckpt", "s-1", new Configuration());
        assertEquals("file:" + Path.of("rel/ckpt").toAbsolutePath() + "/s-1/t/r1", files.checkpoint("t", 1));
    }

    @Test
    void publishedAndLatestMarkersRoundTrip() {
        SweepFiles files = new SweepFiles("file:" + dir, "nightly-20261123", new Configuration());
        assertFalse(files.published());
        assertNull(SweepFiles.latest("file:" + dir, "nightly", new Configuration()));
        files.markLatest("nightly");
        files.markPublished(3);
        assertTrue(files.published());
        assertEquals("nightly-20261123", SweepFiles.latest("file:" + dir, "nightly", new Configuration()));
    }
}
