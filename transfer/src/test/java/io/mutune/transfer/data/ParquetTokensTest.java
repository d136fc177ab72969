package io.mutune.transfer.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
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

class ParquetTokensTest {

    static String writeTokens(Path dir, int n, int vocab) throws Exception {
        MessageType schema = MessageTypeParser.parseMessageType("message tokens { required int32 token; }");
        String file = "file:" + dir.resolve("tokens.parquet");
        SimpleGroupFactory f = new SimpleGroupFactory(schema);
        try (ParquetWriter<Group> w = ExampleParquetWriter.builder(new org.apache.hadoop.fs.Path(file))
                .withType(schema).withConf(new Configuration()).build()) {
            for (int i = 0; i < n; i++) {
                w.write(f.newGroup().append("token", (i * 7 + i / 3) % vocab)); // a deterministic, learnable pattern
            }
        }
        return file;
    }

    @Test
    void readsTokenIdsInOrder(@TempDir Path dir) throws Exception {
        String file = writeTokens(dir, 1000, 16);
        double[] col = ParquetColumns.read(file, List.of("token"))[0];
        assertEquals(1000, col.length);
        assertEquals((5 * 7 + 5 / 3) % 16, (int) col[5]);
        TokenStream s = TokenStream.fromParquet(file, "token", 16);
        int[][] val = s.validation(4, 10);
        assertEquals(4, val.length);
        assertArrayEquals(val[0], s.validation(4, 10)[0]);
    }

    @Test
    void badColumnsAndTokensAreNamed(@TempDir Path dir) throws Exception {
        String file = writeTokens(dir, 100, 16);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ParquetColumns.read(file, List.of("tok")));
        assertTrue(e.getMessage().contains("no column 'tok'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> TokenStream.fromParquet(file, "token", 8));
        assertTrue(e.getMessage().contains("outside the vocabulary [0, 8)"), e.getMessage());
    }

    @Test
    void theTransformerTrainsOnAParquetFile(@TempDir Path dir) throws Exception {
        String file = writeTokens(dir, 4000, 16);
        Map<String, Object> s = new HashMap<>();
        s.put("model", "transformer");
        s.put("base", Map.of("width", 16, "depth", 1, "heads", 2));
        s.put("data", Map.of("kind", "parquet", "parquet", file, "column", "token"));
        s.put("vocab", 16);
        s.put("context", 8);
        s.put("batch_size", 8);
        s.put("eval_every", 20);
        SegmentResult r = ProxyRunners.fromSpec(s).run(new TrialSegment("pq", new io.mutune.hpo.space.Configuration(Map.of("lr", 0.02)),
                Map.of("width", 16.0), 0, 40, null, null, 1), TrialContext.cpu());
        assertEquals(SegmentResult.Outcome.COMPLETED, r.outcome());
        assertTrue(r.metrics().get("val_loss") < r.curve().get(0).metrics().get("val_loss") || r.metrics().get("val_loss") < Math.log(16),
                r.curve().toString());
    }

    @Test
    void aBatchOfMoreTokensThanTheFileHoldsNamesTheField(@TempDir Path dir) throws Exception {
        String file = writeTokens(dir, 1000, 16); // 900 training tokens
        Map<String, Object> s = new HashMap<>();
        s.put("model", "transformer");
        s.put("base", Map.of("width", 16, "depth", 1, "heads", 2));
        s.put("data", Map.of("kind", "parquet", "parquet", file, "column", "token"));
        s.put("vocab", 16);
        s.put("context", 8);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> io.mutune.transfer.proxy.ProxyRunners.checkSweep(s, Map.of("width", List.of(16.0), "batch", List.of(8.0, 128.0))));
        assertEquals("scales.batch: a batch of 128 sequences (1152 tokens) exceeds the 900 training tokens of proxy.data.parquet "
                + file, e.getMessage());
    }
}
