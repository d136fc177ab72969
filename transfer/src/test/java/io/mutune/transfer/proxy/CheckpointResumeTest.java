package io.mutune.transfer.proxy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.transfer.checkpoint.CheckpointStore;
import io.mutune.transfer.checkpoint.TrialCheckpoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointResumeTest {
    static final Configuration CONFIG = new Configuration(Map.of("lr", 3e-3, "weight_decay", 0.01));

    static Map<String, Object> spec(String optimizer) {
        Map<String, Object> s = MlpProxyRunnerTest.spec("mup");
        s.put("optimizer", optimizer);
        s.put("schedule", Map.of("kind", "cosine", "warmup_steps", 10, "total_steps", 100));
        s.put("grad_clip", 1.0);
        s.put("momentum", 0.9);
        return s;
    }

    static TrialSegment seg(int width, long from, long to, String resume, String save) {
        return new TrialSegment("t", CONFIG, Map.of("width", (double) width), from, to, resume, save, 5L);
    }

    void resumesBitForBit(String optimizer, Path dir) throws Exception {
        TrialRunner r = ProxyRunners.fromSpec(spec(optimizer));
        String straight = "file:" + dir.resolve("straight.ckpt");
        String half = "file:" + dir.resolve("half.ckpt");
        String resumed = "file:" + dir.resolve("resumed.ckpt");
        SegmentResult a = r.run(seg(128, 0, 100, null, straight), TrialContext.cpu());
        SegmentResult first = r.run(seg(128, 0, 50, null, half), TrialContext.cpu());
        assertEquals(half, first.checkpoint());
        SegmentResult b = r.run(seg(128, 50, 100, half, resumed), TrialContext.cpu());
        assertEquals(a.metrics(), b.metrics());
        assertEquals(a.curve().get(1), b.curve().get(0));
        TrialCheckpoint ca = CheckpointStore.read(straight);
        TrialCheckpoint cb = CheckpointStore.read(resumed);
        assertEquals(100, cb.step());
        for (String name : ca.tensors().keySet()) {
            assertArrayEquals(ca.tensors().get(name).values(), cb.tensors().get(name).values(), name);
            assertArrayEquals(ca.slots().get(name)[0].values(), cb.slots().get(name)[0].values(), name + " slot 0");
        }
    }

    @Test
    void adamwResumesBitForBit(@TempDir Path dir) throws Exception {
        resumesBitForBit("adamw", dir);
    }

    @Test
    void sgdResumesBitForBit(@TempDir Path dir) throws Exception {
        resumesBitForBit("sgd", dir);
    }

    @Test
    void aCheckpointLoadedAtAnotherWidthFailsLoudly(@TempDir Path dir) throws Exception {
        TrialRunner r = ProxyRunners.fromSpec(spec("adamw"));
        String ckpt = "file:" + dir.resolve("w64.ckpt");
        r.run(seg(64, 0, 20, null, ckpt), TrialContext.cpu());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> r.run(seg(128, 20, 40, ckpt, null), TrialContext.cpu()));
        assertTrue(e.getMessage().contains("was written with shape"), e.getMessage());
    }

    @Test
    void aCheckpointWithADifferentBaseShapeFailsLoudly(@TempDir Path dir) throws Exception {
        String ckpt = "file:" + dir.resolve("base64.ckpt");
        ProxyRunners.fromSpec(spec("adamw")).run(seg(128, 0, 20, null, ckpt), TrialContext.cpu());
        Map<String, Object> other = spec("adamw");
        other.put("base", Map.of("width", 32, "depth", 2));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProxyRunners.fromSpec(other).run(seg(128, 20, 40, ckpt, null), TrialContext.cpu()));
        assertTrue(e.getMessage().contains("was written with base"), e.getMessage());
    }

    @Test
    void aCheckpointWithoutBaseShapesIsRefused(@TempDir Path dir) throws Exception {
        String ckpt = "file:" + dir.resolve("bare.ckpt");
        CheckpointStore.write(new TrialCheckpoint("t", 20, Map.of(), Map.of(), Map.of(), Map.of()), ckpt);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProxyRunners.fromSpec(spec("adamw")).run(seg(64, 20, 40, ckpt, null), TrialContext.cpu()));
        assertTrue(e.getMessage().contains("no base shapes"), e.getMessage());
    }

    @Test
    void writingLeavesNoTemporaryFiles(@TempDir Path dir) throws Exception {
        String ckpt = "file:" + dir.resolve("one.ckpt");
        TrialRunner r = ProxyRunners.fromSpec(spec("adamw"));
        r.run(seg(64, 0, 10, null, ckpt), TrialContext.cpu());
        r.run(seg(64, 10, 20, ckpt, ckpt), TrialContext.cpu());
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> !n.endsWith(".crc")).toList();
            assertEquals(List.of("one.ckpt"), names);
        }
        assertEquals(20, CheckpointStore.read(ckpt).step());
    }
}
