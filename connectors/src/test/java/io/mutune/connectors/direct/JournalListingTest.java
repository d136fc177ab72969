package io.mutune.connectors.direct;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.mutune.connectors.LocalSpark;
import io.mutune.connectors.iceberg.IcebergLocation;
import io.mutune.connectors.iceberg.IcebergTrialJournal;
import io.mutune.connectors.jdbc.JdbcTarget;
import io.mutune.connectors.jdbc.JdbcTrialJournal;
import io.mutune.connectors.jdbc.PostgresTables;
import io.mutune.connectors.journal.DeltaTrialJournal;
import io.mutune.connectors.journal.JournalSchema;
import io.mutune.connectors.journal.Journals;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.journal.VersionOneJournal;
import io.mutune.connectors.table.DeltaTables;
import io.mutune.connectors.journal.TrialStatus;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One sweep's journal rows without Spark, by column name, on every journal format. */
class JournalListingTest {
    @TempDir
    Path dir;

    /** Rows of two sweeps, appended out of order: the listing keeps one sweep, in seq order. */
    private static void fill(TrialJournal journal) {
        journal.append(List.of(Journals.row("b", 1, TrialStatus.RUNNING, Double.NaN), Journals.row("a", 2, TrialStatus.COMPLETED, 2.5)));
        journal.append(List.of(Journals.row("a", 1, TrialStatus.RUNNING, Double.NaN)));
    }

    private static void assertListed(List<Map<String, Object>> rows) {
        assertEquals(List.of(1L, 2L), rows.stream().map(r -> ((Number) r.get("seq")).longValue()).toList());
        assertEquals(List.of("t1", "t2"), rows.stream().map(r -> r.get("trial_id")).toList());
        Map<String, Object> done = rows.get(1);
        assertEquals("completed", done.get("status"));
        assertEquals(50L, ((Number) done.get("resource")).longValue());
        assertEquals(Instant.parse("2026-01-01T00:01:00Z"), done.get("finished_at"));
        assertEquals(17L, ((Number) done.get("seed")).longValue());
        assertNull(rows.get(0).get("finished_at"));
    }

    @Test
    void deltaIcebergAndPostgresListTheSameRows() {
        String delta = dir.resolve("trials").toString();
        fill(new DeltaTrialJournal(LocalSpark.session(), delta));
        assertListed(JournalListing.rows("delta:" + delta, "a"));
        assertEquals(2.5, ((Map<?, ?>) JournalListing.rows("delta:" + delta, "a").get(1).get("metrics")).get("val_loss"));

        IcebergLocation at = new IcebergLocation(dir.resolve("wh").toString(), "mutune", "trials");
        fill(new IcebergTrialJournal(LocalSpark.session(), at));
        assertListed(JournalListing.rows(at.toString(), "a"));

        JdbcTarget pg = PostgresTables.newTarget("trials");
        fill(new JdbcTrialJournal(pg, PostgresTables.password()));
        List<Map<String, Object>> jdbc = JournalListing.rows(pg.toString(), "a", PostgresTables.password());
        assertListed(jdbc);
        assertEquals(List.of(), JournalListing.rows(pg.withTable("absent").toString(), "a", PostgresTables.password()));
    }

    /**
     * A version-1 table, before and after its migration, lists with bracket, resume_from and replicate
     * recovered from the notes of its RUNNING rows, as the Spark readers give them; a version-2 table
     * lists what it stores.
     */
    @Test
    void aVersionOneJournalListsTheRequestColumnsItsNotesHold() {
        String path = dir.resolve("v1").toString();
        DeltaTables.createIfAbsent(LocalSpark.session(), path, VersionOneJournal.COLUMNS, JournalSchema.VERSION_PROPERTY, 1);
        LocalSpark.session().createDataFrame(VersionOneJournal.written().stream().map(VersionOneJournal::sparkRow).toList(),
                VersionOneJournal.COLUMNS).write().format("delta").mode("append").save(path);
        List<Map<String, Object>> listed = JournalListing.rows("delta:" + path, VersionOneJournal.SWEEP);
        List<VersionOneJournal.Case> cases = VersionOneJournal.cases();
        assertEquals(cases.size(), listed.size());
        for (int i = 0; i < cases.size(); i++) {
            VersionOneJournal.Case c = cases.get(i);
            assertEquals(List.of(c.bracket(), String.valueOf(c.resumeFrom()), c.replicate()),
                    List.of(listed.get(i).get("bracket"), String.valueOf(listed.get(i).get("resume_from")), listed.get(i).get("replicate")),
                    "row " + i);
        }

        // Migrated (the rows stay as written, the new columns NULL), it lists the same.
        new DeltaTrialJournal(LocalSpark.session(), path);
        assertEquals(listed, JournalListing.rows("delta:" + path, VersionOneJournal.SWEEP));

        String v2 = dir.resolve("v2").toString();
        new DeltaTrialJournal(LocalSpark.session(), v2).append(List.of(Journals.row("a", 1, TrialStatus.COMPLETED, 1.5).withRequest(2, "t0", 3)));
        Map<String, Object> row = JournalListing.rows("delta:" + v2, "a").get(0);
        assertEquals(List.of(2, "t0", 3), List.of(row.get("bracket"), row.get("resume_from"), row.get("replicate")));
    }
}
