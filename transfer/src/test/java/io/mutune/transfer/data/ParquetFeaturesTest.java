package io.mutune.transfer.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.transfer.proxy.ProxyRunners;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.MessageTypeParser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ParquetFeaturesTest {

    static String write(Path dir) throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType(
                "message rows { required double a; required float b; required int64 c; required double y; }");
        String file = "file:" + dir.resolve("rows.parquet");
        SimpleGroupFactory f = new SimpleGroupFactory(schema);
        java.util.SplittableRandom r = new java.util.SplittableRandom(1);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file))
                .withType(schema).withConf(new Configuration()).build()) {
            for (int i = 0; i < 500; i++) {
                double a = r.nextGaussian();
                float b = (float) r.nextGaussian();
                long c = r.nextInt(3);
                w.write(f.newGroup().append("a", a).append("b", b).append("c", c).append("y", Math.tanh(a) - 0.5 * b + 0.1 * c));
            }
        }
        return file;
    }

    @Test
    void readsFeatureAndTargetColumns(@TempDir Path dir) throws Exception {
        ParquetFeatures p = ParquetFeatures.read(write(dir), List.of("a", "b", "c"), List.of("y"));
        assertEquals(3, p.inputDim());
        assertEquals(1, p.outputDim());
        assertEquals(50, p.validation(1000).rows());
        assertEquals(p.trainBatch(3, 7, 16).x()[5], p.trainBatch(3, 7, 16).x()[5]);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ParquetFeatures.read(write(dir.resolve("x")), List.of("a", "zz"), List.of("y")));
        assertTrue(e.getMessage().contains("no column 'zz'"), e.getMessage());
    }

    @Test
    void theMlpTrainsOnParquetColumns(@TempDir Path dir) throws Exception {
        Map<String, Object> s = new HashMap<>();
        s.put("model", "mlp");
        s.put("base", Map.of("width", 32, "depth", 1));
        s.put("data", Map.of("kind", "parquet", "parquet", write(dir), "features", List.of("a", "b", "c"), "targets", List.of("y")));
        s.put("eval_every", 20);
        SegmentResult r = ProxyRunners.fromSpec(s).run(new TrialSegment("pq", new io.mutune.hpo.space.Configuration(Map.of("lr", 0.01)),
                Map.of("width", 64.0), 0, 100, null, null, 1), TrialContext.cpu());
        assertTrue(r.metrics().get("val_loss") < 0.5 * r.curve().get(0).metrics().get("val_loss"), r.curve().toString());
    }

    @Test
    void teacherClassificationLearns() throws Exception {
        Map<String, Object> s = new HashMap<>();
        s.put("model", "mlp");
        s.put("base", Map.of("width", 32, "depth", 1));
        s.put("data", Map.of("kind", "teacher", "seed", 2, "task", "classification", "output_dim", 4));
        s.put("eval_every", 50);
        SegmentResult r = ProxyRunners.fromSpec(s).run(new TrialSegment("cls", new io.mutune.hpo.space.Configuration(Map.of("lr", 0.01)),
                Map.of("width", 64.0), 0, 150, null, null, 1), TrialContext.cpu());
        // uniform guessing over 4 classes costs ln 4 = 1.386 nats
        assertTrue(r.metrics().get("val_loss") < 0.8, r.curve().toString());
    }

    @Test
    void aBatchLargerThanTheDataNamesTheField(@TempDir Path dir) throws Exception {
        Map<String, Object> s = new HashMap<>();
        s.put("model", "mlp");
        String file = write(dir);
        s.put("data", Map.of("kind", "parquet", "parquet", file, "features", List.of("a", "b"), "targets", List.of("y")));
        // 500 rows, 450 of them for training
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ProxyRunners.checkSweep(s, Map.of("width", List.of(64.0), "batch", List.of(64.0, 512.0))));
        assertEquals("scales.batch: a batch of 512 examples exceeds the 450 training rows of proxy.data.parquet " + file, e.getMessage());
        s.put("batch_size", 451);
        e = assertThrows(IllegalArgumentException.class, () -> ProxyRunners.checkSweep(s, Map.of("width", List.of(64.0))));
        assertTrue(e.getMessage().startsWith("proxy.batch_size: a batch of 451 examples exceeds the 450 training rows"), e.getMessage());
        s.put("batch_size", 450);
        ProxyRunners.checkSweep(s, Map.of("width", List.of(64.0)));
    }
}
