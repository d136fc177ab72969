package io.mutune.connectors.recommend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * What schema version 2 asks of every engine's table: the new columns round-trip, a version-1
 * table is migrated when opened and reads back row for row, a publish never downgrades a row unless
 * forced, and a validation updates only the {@code validated_*} columns as a publish of its own.
 */
public abstract class RecommendationTableV2Contract extends RecommendationTableContract {
    /** When the version-1 rows were written; whole seconds, which every engine stores exactly. */
    protected static final Instant V1_TIME = Instant.parse("2026-03-04T05:06:07Z");

    /**
     * A new table laid out as mutune wrote schema version 1 (its columns, version 1 recorded), holding
     * {@code rows} as one publish, version 1 of sweep {@code v1-sweep}; returns its URI, not opened.
     */
    protected abstract String versionOneTable(List<RecommendationRow> rows);

    /** Opens the table at {@code uri} as mutune does (migrating it if it is older). */
    protected abstract RecommendationTable open(String uri);

    /** The schema version recorded beside the table at {@code uri}, read without opening it. */
    protected abstract int storedSchemaVersion(String uri);

    private static RecommendationRow only(List<RecommendationRow> rows, String hp, double width) {
        return rows.stream().filter(r -> r.hyperparameter().equals(hp) && r.targetScale().get("width") == width).findFirst()
                .orElseThrow(() -> new AssertionError("no " + hp + " at width " + width + " in " + rows));
    }

    @Test
    void theNewColumnsRoundTripAndARowWithoutThemReadsNull() {
        RecommendationTable t = newTable();
        RecommendationRow full = Recs.measured("lr", 1024, 0.01, "s1");
        t.publish("s1", List.of(full, Recs.row("weight_decay", 1024, 0.1, "s1")));
        List<RecommendationRow> now = open(t.location()).current();
        RecommendationRow lr = only(now, "lr", 1024);
        assertEquals(full.withVersion(1, lr.createdAt()), lr);
        assertEquals(0.047, lr.statistics().noiseSd());
        assertEquals(14, lr.statistics().noiseDf());
        assertEquals("width=2048", lr.validation().at());
        RecommendationRow wd = only(now, "weight_decay", 1024);
        assertEquals(RecommendationStatistics.NONE, wd.statistics());
        assertNull(wd.validation());
    }

    @Test
    void aVersionOneTableIsMigratedOnOpenAndReadsBackRowForRow() {
        List<RecommendationRow> v1 = List.of(Recs.row("lr", 1024, 0.01, "v1-sweep").withVersion(1, V1_TIME),
                Recs.row("weight_decay", 1024, 0.1, "v1-sweep").withVersion(1, V1_TIME),
                Recs.judged("lr", 4096, 0.005, "v1-sweep", "insufficient", 8, 1).withVersion(1, V1_TIME));
        String uri = versionOneTable(v1);
        assertEquals(1, storedSchemaVersion(uri));

        RecommendationTable t = open(uri);
        assertEquals(RecommendationSchema.VERSION, storedSchemaVersion(uri));
        assertEquals(Set.copyOf(v1), Set.copyOf(t.current()), "every row as it was, the new columns null");
        assertEquals(Set.copyOf(v1), Set.copyOf(t.asOfVersion(1)), "time travel to the publish before the migration");
        assertEquals(List.of(1L), t.history().stream().map(PublishRecord::version).toList());
        assertEquals("v1-sweep", t.history().get(0).sweepId());

        // The migrated table takes the new columns; opening it again changes nothing.
        RecommendationRow measured = Recs.measured("lr", 1024, 0.02, "v2-sweep");
        assertEquals(2, t.publish("v2-sweep", List.of(measured)));
        RecommendationTable again = open(uri);
        assertEquals(RecommendationSchema.VERSION, storedSchemaVersion(uri));
        List<RecommendationRow> now = again.current();
        assertEquals(3, now.size());
        RecommendationRow lr = only(now, "lr", 1024);
        assertEquals(measured.withVersion(2, lr.createdAt()), lr);
        assertEquals(v1.get(1), only(now, "weight_decay", 1024));
        assertEquals(Set.copyOf(v1), Set.copyOf(again.asOfVersion(1)));
    }

    /**
     * The case: a sweep whose one scale point is its target publishes an insufficient row
     * under the key of a proxy sweep's fitted one. The fitted row stays, the result says why, a
     * publish that keeps everything commits nothing, and --force replaces it.
     */
    @Test
    void aWeakerRowNeverReplacesAStrongerOneUnlessForced() {
        RecommendationTable t = newTable();
        RecommendationRow fitted = Recs.judged("lr", 2048, 0.004, "proxy", "fitted", 256, 4);
        t.publish("proxy", List.of(fitted, Recs.judged("init_std", 2048, 0.02, "proxy", "transfers_as_is", 256, 4)));
        RecommendationRow insufficient = Recs.judged("lr", 2048, 0.009, "at-target", "insufficient", 16, 1);
        RecommendationRow added = Recs.judged("output_mult", 2048, 1.5, "at-target", "insufficient", 16, 1);

        PublishResult r = t.publish("at-target", List.of(insufficient, added), false);
        assertEquals(2, r.version());
        assertEquals(List.of("output_mult"), r.written().stream().map(RecommendationRow::hyperparameter).toList());
        assertEquals(1, r.kept().size());
        KeptRow kept = r.kept().get(0);
        assertEquals("proxy", kept.current().sweepId());
        assertEquals(insufficient, kept.offered());
        assertTrue(kept.reason().contains("fitted") && kept.reason().contains("insufficient") && kept.reason().contains("--force"),
                kept.reason());
        RecommendationRow lr = only(t.current(), "lr", 2048);
        assertEquals("proxy", lr.sweepId());
        assertEquals(0.004, lr.value());
        assertEquals(1, lr.version());

        PublishResult none = t.publish("at-target-again", List.of(insufficient), false);
        assertFalse(none.committed());
        assertEquals(2, none.version(), "a publish that keeps every row takes no version");
        assertEquals(List.of(1L, 2L), t.history().stream().map(PublishRecord::version).toList());

        PublishResult forced = t.publish("at-target", List.of(insufficient), true);
        assertEquals(3, forced.version());
        assertEquals(List.of(), forced.kept());
        assertEquals(List.of(fitted.withVersion(1, forced.replaced().get(0).createdAt())), forced.replaced());
        lr = only(t.current(), "lr", 2048);
        assertEquals("at-target", lr.sweepId());
        assertEquals("insufficient", lr.verdict());
        assertEquals("proxy", only(t.asOfVersion(2), "lr", 2048).sweepId(), "the fitted row stays readable as of version 2");
    }

    @Test
    void aValidationSetsOnlyTheValidatedColumnsAsAPublishOfItsOwn() {
        RecommendationTable t = newTable();
        RecommendationRow measured = Recs.measured("lr", 1024, 0.01, "s1").withValidation(null);
        t.publish("s1", List.of(measured, Recs.row("init_std", 1024, 0.02, "s1")));
        RecommendationRow lr = only(t.current(), "lr", 1024);
        RecommendationValidation result = new RecommendationValidation(0.018, 0.5, 3, "width=2048", "validate-7");

        assertEquals(2, t.recordValidation(List.of(new ValidationUpdate(lr, result))));
        List<RecommendationRow> now = open(t.location()).current();
        RecommendationRow validated = only(now, "lr", 1024);
        assertEquals(lr.withValidation(result).withVersion(2, validated.createdAt()), validated,
                "every column but validated_*, version and created_at as it was");
        assertEquals("s1", validated.sweepId());
        assertEquals(1, only(now, "init_std", 1024).version(), "a row that was not validated is untouched");
        List<PublishRecord> history = t.history();
        assertEquals(List.of("s1", "validate-7"), history.stream().map(PublishRecord::sweepId).toList());
        assertEquals(1, history.get(1).rows());
        assertNull(only(t.asOfVersion(1), "lr", 1024).validation());
        assertEquals(result, only(t.asOfSweep("validate-7"), "lr", 1024).validation());
    }

    @Test
    void aValidationOfARowThatWasRepublishedRecordsNothing() {
        RecommendationTable t = newTable();
        t.publish("s1", List.of(Recs.row("lr", 1024, 0.01, "s1"), Recs.row("init_std", 1024, 0.02, "s1")));
        List<RecommendationRow> read = t.current();
        t.publish("s2", List.of(Recs.row("lr", 1024, 0.02, "s2")));
        RecommendationValidation result = new RecommendationValidation(0.01, 1.0, 3, "width=2048", "validate-8");
        List<ValidationUpdate> updates = read.stream().map(r -> new ValidationUpdate(r, result)).toList();

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.recordValidation(updates));
        assertTrue(e.getMessage().contains("lr") && e.getMessage().contains("version 1") && e.getMessage().contains("version 2")
                && e.getMessage().contains("nothing recorded"), e.getMessage());
        assertEquals(List.of(1L, 2L), t.history().stream().map(PublishRecord::version).toList());
        assertTrue(t.current().stream().allMatch(r -> r.validation() == null), "not even init_std, which was current: " + t.current());

        RecommendationRow gone = Recs.row("weight_decay", 1024, 0.1, "s1").withVersion(1, Instant.EPOCH);
        e = assertThrows(IllegalArgumentException.class, () -> t.recordValidation(List.of(new ValidationUpdate(gone, result))));
        assertTrue(e.getMessage().contains("weight_decay") && e.getMessage().contains("no row"), e.getMessage());
    }
}
