package io.mutune.connectors.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * What schema version 2 asks of every engine's journal: bracket, resume_from and replicate
 * round-trip; a version-1 journal is migrated when opened, in one commit, and reads back row for
 * row with the values its notes held; a migration that fails leaves the table at version 1, whole.
 */
public abstract class TrialJournalV2Contract extends TrialJournalContract {

    /** A new table laid out as mutune's schema version 1 created it, holding {@code rows}; its URI, not opened. */
    protected abstract String versionOneJournal(List<JournalRow> rows);

    /** Opens the journal at {@code uri} as mutune does (migrating it if it is older). */
    protected abstract TrialJournal open(String uri);

    /** The schema version recorded beside the table at {@code uri}, read without opening it. */
    protected abstract int storedSchemaVersion(String uri);

    /** The table's columns and their engine's type names, read without opening it. */
    protected abstract Map<String, String> columns(String uri);

    /** Adds a column to the table the way a user's own SQL would, behind mutune's back. */
    protected abstract void addColumnBySql(String uri, String column, String sqlType);

    /** The engine's name for a string column's type, as {@link #columns} reports it. */
    protected abstract String stringType();

    @Test
    void theRequestColumnsRoundTripWithReplicatesAboveZero() {
        TrialJournal j = newJournal();
        JournalRow run = Journals.row("s1", 1, TrialStatus.RUNNING, 0).withRequest(2, "t0", 3);
        JournalRow done = Journals.row("s1", 2, TrialStatus.COMPLETED, 0.25).withRequest(2, "t0", 3);
        JournalRow own = Journals.row("s1", 3, TrialStatus.COMPLETED, 0.5).withRequest(0, null, 0);
        j.append(List.of(run, done, own));
        assertEquals(List.of(run, done, own), open(j.location()).read("s1"));
    }

    @Test
    void aVersionOneJournalIsMigratedOnOpenAndReadsBackRowForRow() {
        String uri = versionOneJournal(VersionOneJournal.written());
        assertEquals(1, storedSchemaVersion(uri));
        assertEquals(Set.of(VersionOneJournal.COLUMNS.fieldNames()), columns(uri).keySet());

        TrialJournal j = open(uri);
        assertEquals(JournalSchema.VERSION, storedSchemaVersion(uri));
        assertEquals(Set.of(JournalSchema.SCHEMA.fieldNames()), columns(uri).keySet());
        List<JournalRow> expected = VersionOneJournal.expected();
        assertEquals(expected, j.read(VersionOneJournal.SWEEP), "every row as written, with bracket, resume_from and replicate from its note");

        // The migrated table takes version-2 rows; opening it again changes nothing.
        JournalRow v2 = new JournalRow(VersionOneJournal.SWEEP, expected.size(), "width=64", 64.0, null, null, null, "w64-t0000", 0,
                null, "{\"lr\":0.001}", 0, 30, 30, Map.of("val_loss", 1.4), null, TrialStatus.COMPLETED, 0, "1", "0", null, 505,
                null, null, null, 0, null, 2);
        j.append(List.of(v2));
        List<JournalRow> all = new ArrayList<>(expected);
        all.add(v2);
        assertEquals(all, open(uri).read(VersionOneJournal.SWEEP));
        assertEquals(JournalSchema.VERSION, storedSchemaVersion(uri));
    }

    /**
     * A user added a column named as one that version 2 adds, of another type, before the upgrade:
     * the open refuses the table with the column named, and the table stays a version-1 table with
     * nothing else added (never version 2 with a replicate column that holds text).
     */
    @Test
    void aConflictingSchemaChangeFailsTheMigrationAndLeavesVersionOne() {
        String uri = versionOneJournal(VersionOneJournal.written());
        addColumnBySql(uri, "replicate", "string");
        Map<String, String> before = columns(uri);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> open(uri));
        assertTrue(e.getMessage().contains("'replicate'") && e.getMessage().contains(uri), e.getMessage());
        assertEquals(1, storedSchemaVersion(uri));
        assertEquals(before, columns(uri));
        assertEquals(stringType(), columns(uri).get("replicate"));
        Set<String> v1AndTheUsers = new TreeSet<>(Set.of(VersionOneJournal.COLUMNS.fieldNames()));
        v1AndTheUsers.add("replicate");
        assertEquals(v1AndTheUsers, columns(uri).keySet(), "neither bracket nor resume_from was added");
    }
}
