package io.mutune.jobs.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.recommend.NeverDowngrade;
import io.mutune.connectors.recommend.PublishResult;
import io.mutune.connectors.recommend.RecommendationRow;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecommendationDiffTest {
    private static RecommendationRow row(String hp, double width, double value, double lower, double upper, long version) {
        return new RecommendationRow("mlp", "mup", "adamw", Map.of("width", width), hp, value, lower, upper, "log lr = c", Map.of(),
                null, 10, 3, 0.1, null, "fitted", "s" + version, version, Instant.EPOCH);
    }

    @Test
    void flagsValuesThatLeftTheOtherIntervalAndListsAddedAndRemovedKeys() {
        List<RecommendationRow> before = List.of(row("lr", 4096, 0.01, 0.008, 0.012, 1), row("init_std", 4096, 0.5, 0.4, 0.6, 1),
                row("wd", 4096, 0.1, 0.05, 0.2, 1));
        List<RecommendationRow> after = List.of(row("lr", 4096, 0.02, 0.015, 0.03, 2), row("init_std", 4096, 0.55, 0.45, 0.65, 2),
                row("lr", 8192, 0.01, 0.008, 0.012, 2));
        Map<String, DiffEntry.Change> byHp = new java.util.HashMap<>();
        for (DiffEntry d : RecommendationDiff.compare(before, after)) {
            byHp.put(d.hyperparameter() + "@" + d.targetScale().get("width").intValue(), d.change());
        }
        assertEquals(Map.of("lr@4096", DiffEntry.Change.MOVED, "init_std@4096", DiffEntry.Change.WITHIN,
                "lr@8192", DiffEntry.Change.ADDED, "wd@4096", DiffEntry.Change.REMOVED), byHp);
        assertEquals(1, RecommendationDiff.moved(RecommendationDiff.compare(before, after)).size());
    }

    @Test
    void theOldValueOutsideANarrowerNewIntervalAlsoCountsAsMoved() {
        assertEquals(DiffEntry.Change.MOVED, RecommendationDiff.change(row("lr", 1, 0.010, 0.005, 0.02, 1), row("lr", 1, 0.012, 0.0115, 0.0125, 2)));
        assertThrows(IllegalArgumentException.class, () -> RecommendationDiff.compare(List.of(row("lr", 1, 1, 0, 2, 1), row("lr", 1, 1, 0, 2, 1)), List.of()));
    }

    private static RecommendationRow judged(String hp, double value, String verdict, int trials, int points, String sweep, long version) {
        return new RecommendationRow("mlp", "mup", "adamw", Map.of("width", 2048.0), hp, value, value / 2, value * 2, "log lr = c",
                Map.of(), null, trials, points, 0.1, null, verdict, sweep, version, Instant.EPOCH);
    }

    /**
     * A publish's own diff: the row it wrote against the one it replaced, the new key as added, and
     * the fitted row it kept with the reason; what the sweep prints names the kept row and --force.
     */
    @Test
    void aPublishsDiffSaysWhichRowsItKeptAndWhy() {
        RecommendationRow fitted = judged("lr", 0.004, "fitted", 256, 4, "proxy", 1);
        RecommendationRow oldInit = judged("init_std", 0.02, "fitted", 16, 1, "proxy", 1);
        PublishResult published = NeverDowngrade.plan(List.of(fitted, oldInit), List.of(judged("lr", 0.009, "insufficient", 16, 1, "at-target", 0),
                judged("init_std", 0.5, "fitted", 16, 1, "at-target", 0), judged("output_mult", 1.5, "insufficient", 16, 1, "at-target", 0)),
                false).result(2, Instant.EPOCH);
        Map<String, DiffEntry> byHp = new java.util.HashMap<>();
        for (DiffEntry d : RecommendationDiff.ofPublish(published)) {
            byHp.put(d.hyperparameter(), d);
        }
        assertEquals(DiffEntry.Change.KEPT, byHp.get("lr").change());
        assertEquals("proxy", byHp.get("lr").before().sweepId());
        assertEquals("insufficient", byHp.get("lr").after().verdict());
        assertTrue(byHp.get("lr").reason().contains("kept the fitted row of sweep proxy"), byHp.get("lr").reason());
        assertTrue(Double.isNaN(byHp.get("lr").relativeChange()));
        assertEquals(DiffEntry.Change.MOVED, byHp.get("init_std").change());
        assertEquals(DiffEntry.Change.ADDED, byHp.get("output_mult").change());
        assertEquals(1, RecommendationDiff.kept(RecommendationDiff.ofPublish(published)).size());

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PublishLines.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "delta:/lake/recs", published);
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(text.contains("published 2 row(s) to delta:/lake/recs as version 2, 1 moved beyond their interval, kept 1"), text);
        assertTrue(text.contains("kept lr at {width=2048.0}: kept the fitted row of sweep proxy (version 1): this sweep's row is insufficient"),
                text);
        assertTrue(text.contains("--force"), text);

        bytes.reset();
        PublishLines.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), "delta:/lake/recs",
                NeverDowngrade.plan(List.of(fitted), List.of(judged("lr", 0.009, "insufficient", 16, 1, "again", 0)), false).result(1, Instant.EPOCH));
        assertTrue(bytes.toString(StandardCharsets.UTF_8).contains("published nothing to delta:/lake/recs"), bytes.toString(StandardCharsets.UTF_8));
    }
}
