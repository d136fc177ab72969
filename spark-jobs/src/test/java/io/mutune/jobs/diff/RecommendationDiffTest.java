package io.mutune.jobs.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.mutune.connectors.recommend.RecommendationRow;
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
}
