package io.mutune.connectors.checkpoint;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.TrialStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** On the real Hadoop local file system (file: URIs), without Spark. */
class CheckpointStoreTest {
    @TempDir
    Path dir;

    private CheckpointStore store() {
        return new CheckpointStore(dir.toUri().toString(), new Configuration());
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void writtenCheckpointsReadBackAndTheNewestIsLatest() {
        CheckpointStore s = store();
        s.write("sw", "t1", 50, bytes("at 50"));
        Checkpoint at150 = s.write("sw", "t1", 150, bytes("at 150"));
        s.write("sw", "t1", 100, bytes("at 100"));
        assertEquals(List.of(50L, 100L, 150L), s.list("sw", "t1").stream().map(Checkpoint::resource).toList());
        assertEquals(at150, s.latest("sw", "t1").orElseThrow());
        assertArrayEquals(bytes("at 150"), s.read(at150));
        assertTrue(s.latest("sw", "t2").isEmpty());
    }

    @Test
    void aRewriteReplacesWholeAndAnInterruptedWriteIsInvisible() throws Exception {
        CheckpointStore s = store();
        s.write("sw", "t1", 50, bytes("first"));
        Checkpoint again = s.write("sw", "t1", 50, bytes("second attempt"));
        assertArrayEquals(bytes("second attempt"), s.read(again));
        // What a crash between create and rename leaves behind.
        Files.writeString(dir.resolve("sw/t1/.tmp-ckpt-000000000100.bin-dead"), "half");
        assertEquals(List.of(50L), s.list("sw", "t1").stream().map(Checkpoint::resource).toList());
        try (var files = Files.list(dir.resolve("sw/t1"))) {
            assertEquals(List.of(".tmp-ckpt-000000000100.bin-dead"), files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith(".tmp-")).toList(), "no temporary file of a finished write is left");
        }
    }

    @Test
    void cleanupDeletesStoppedTrialsCheckpointsAndKeepsTheNewestOfOthers() {
        CheckpointStore s = store();
        for (String trial : List.of("stopped", "diverged", "live", "failed")) {
            for (long r : List.of(50L, 150L, 450L)) {
                s.write("sw", trial, r, bytes(trial + r));
            }
        }
        int deleted = s.cleanup("sw", Map.of("stopped", TrialStatus.STOPPED, "diverged", TrialStatus.DIVERGED,
                "live", TrialStatus.COMPLETED, "failed", TrialStatus.FAILED), new CheckpointRetention(0, 2));
        assertEquals(3 + 3 + 1 + 1, deleted);
        assertEquals(List.of(), s.list("sw", "stopped"));
        assertEquals(List.of(), s.list("sw", "diverged"));
        assertEquals(List.of(150L, 450L), s.list("sw", "live").stream().map(Checkpoint::resource).toList());
        assertEquals(List.of(150L, 450L), s.list("sw", "failed").stream().map(Checkpoint::resource).toList());
    }

    @Test
    void retentionComesFromTheSpecAndBadValuesAreNamed() {
        assertEquals(new CheckpointRetention(1, 3), CheckpointRetention.fromSpec(Map.of("keep_stopped", 1, "keep_last", 3)));
        assertEquals(CheckpointRetention.defaults(), CheckpointRetention.fromSpec(null));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CheckpointRetention.fromSpec(Map.of("keep_last", 0)));
        assertTrue(e.getMessage().contains("keep_last") && e.getMessage().contains("0"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> CheckpointRetention.fromSpec(Map.of("keep", 1)));
        assertThrows(IllegalArgumentException.class, () -> store().write("sw", "../escape", 1, bytes("x")));
    }
}
