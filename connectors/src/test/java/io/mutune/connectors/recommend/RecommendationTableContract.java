package io.mutune.connectors.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** What every engine's recommendation table must do; each engine's test class extends this. */
public abstract class RecommendationTableContract {

    /** A new, empty table on the engine under test. */
    protected abstract RecommendationTable newTable();

    /** The same table opened a second time, as a second publisher (another nightly sweep) would. */
    protected abstract RecommendationTable reopen(RecommendationTable table);

    static Map<String, RecommendationRow> byHp(List<RecommendationRow> rows) {
        return rows.stream().collect(Collectors.toMap(RecommendationRow::hyperparameter, Function.identity()));
    }

    @Test
    void publishedRowsReadBackWithVersionAndProvenance() {
        RecommendationTable t = newTable();
        RecommendationRow lr = Recs.row("lr", 1024, 0.01, "s1");
        long v = t.publish("s1", List.of(lr, Recs.row("weight_decay", 1024, 0.1, "s1")));
        assertEquals(1, v);
        Map<String, RecommendationRow> got = byHp(t.current());
        assertEquals(2, got.size());
        RecommendationRow back = got.get("lr");
        assertEquals(lr.withVersion(1, back.createdAt()), back);
        assertEquals(Map.of("width", 1024.0), back.targetScale());
        assertEquals(Map.of("intercept", Math.log(0.01), "width", 0.0), back.coefficients());
    }

    @Test
    void publishReplacesTheRowWithTheSameKeyAndKeepsTheOld() {
        RecommendationTable t = newTable();
        t.publish("s1", List.of(Recs.row("lr", 1024, 0.01, "s1"), Recs.row("weight_decay", 1024, 0.1, "s1")));
        long v2 = t.publish("s2", List.of(Recs.row("lr", 1024, 0.02, "s2"), Recs.row("lr", 4096, 0.005, "s2")));
        assertEquals(2, v2);
        List<RecommendationRow> now = t.current();
        assertEquals(3, now.size(), "one lr at 1024 (replaced), one at 4096, one weight_decay: " + now);
        RecommendationRow lr1024 = now.stream().filter(r -> r.hyperparameter().equals("lr") && r.targetScale().get("width") == 1024.0)
                .findFirst().orElseThrow();
        assertEquals(0.02, lr1024.value());
        assertEquals("s2", lr1024.sweepId());
        assertEquals(2, lr1024.version());
        assertEquals(1, now.stream().filter(r -> r.hyperparameter().equals("weight_decay")).findFirst().orElseThrow().version());

        assertEquals(List.of(1L, 2L), t.history().stream().map(PublishRecord::version).toList());
        assertEquals(List.of("s1", "s2"), t.history().stream().map(PublishRecord::sweepId).toList());
        Map<String, RecommendationRow> first = byHp(t.asOfVersion(1));
        assertEquals(2, first.size());
        assertEquals(0.01, first.get("lr").value());
        assertEquals(byHp(t.asOfVersion(1)), byHp(t.asOfSweep("s1")));
        assertEquals(3, t.asOfSweep("s2").size());
        assertEquals(t.current().size(), t.asOfVersion(2).size());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.asOfSweep("never-ran"));
        assertTrue(e.getMessage().contains("never-ran"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> t.asOfVersion(3));
    }

    @Test
    void aValueThatIsNotANumberIsNeverPublished() {
        RecommendationTable t = newTable();
        RecommendationRow nan = new RecommendationRow("mlp", "mup", "adamw", Map.of("width", 1024.0), "lr", Double.NaN, Double.NaN,
                Double.NaN, "insufficient", Map.of(), "{}", 0, 0, 0.0, null, "insufficient", "s1", 0L, java.time.Instant.EPOCH);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.publish("s1", List.of(nan)));
        assertTrue(e.getMessage().contains("not a number"), e.getMessage());
        assertEquals(List.of(), t.history());
        assertFalse(t.exists(), "a refused publish leaves no table behind");
    }

    @Test
    void anEmptyPublishIsRefused() {
        RecommendationTable t = newTable();
        assertThrows(IllegalArgumentException.class, () -> t.publish("s1", List.of()));
        assertEquals(List.of(), t.history());
    }

    /**
     * Two publishers on one table at once, two publishes each, every publish touching one shared
     * key and one key of its own. Afterwards every publish is in the history under a distinct
     * version 2..5, every own key is there, and the shared key holds the last publish's value.
     */
    @Test
    void concurrentPublishersLoseNoUpdate() throws Exception {
        RecommendationTable first = newTable();
        first.publish("seed", List.of(Recs.row("lr", 1024, 0.001, "seed")));
        RecommendationTable second = reopen(first);
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        List<Future<List<Long>>> results = new ArrayList<>();
        try {
            for (String name : List.of("a", "b")) {
                RecommendationTable t = name.equals("a") ? first : second;
                Callable<List<Long>> publisher = () -> {
                    start.await();
                    List<Long> versions = new ArrayList<>();
                    for (int i = 0; i < 2; i++) {
                        String sweep = "nightly-" + name + i;
                        double lr = (name.equals("a") ? 0.01 : 0.02) * (i + 1);
                        versions.add(t.publish(sweep, List.of(Recs.row("lr", 1024, lr, sweep), Recs.row("own_" + name + i, 1024, 1.0, sweep))));
                    }
                    return versions;
                };
                results.add(pool.submit(publisher));
            }
            start.countDown();
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : results) {
                all.addAll(f.get());
            }
            assertEquals(LongStream.rangeClosed(2, 5).boxed().collect(Collectors.toCollection(TreeSet::new)), new TreeSet<>(all),
                    "every publish got its own version");
        } finally {
            pool.shutdownNow();
        }
        List<PublishRecord> history = first.history();
        assertEquals(LongStream.rangeClosed(1, 5).boxed().toList(), history.stream().map(PublishRecord::version).toList());
        Map<String, RecommendationRow> now = byHp(first.current());
        assertEquals(5, now.size(), "lr and four own keys: " + now.keySet());
        PublishRecord last = history.get(history.size() - 1);
        assertEquals(last.sweepId(), now.get("lr").sweepId(), "the shared key holds the last publish");
        assertEquals(5, now.get("lr").version());
        for (PublishRecord p : history.subList(1, history.size())) {
            String own = "own_" + p.sweepId().substring("nightly-".length());
            assertEquals(p.version(), now.get(own).version(), own);
        }
    }
}
