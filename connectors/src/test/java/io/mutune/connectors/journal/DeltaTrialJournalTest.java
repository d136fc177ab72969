package io.mutune.connectors.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.LocalSpark;
import io.mutune.connectors.ReadOnlyFolder;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.table.DeltaTables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.Snapshot;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import scala.Option;

class DeltaTrialJournalTest extends TrialJournalV2Contract {
    private static final SparkSession SPARK = LocalSpark.session();
    @TempDir
    Path dir;
    private int tables;

    @Override
    protected TrialJournal newJournal() {
        return Tables.journal(SPARK, "delta:" + dir.resolve("trials" + (tables++)));
    }

    /** As version 1's DeltaTrialJournal did: the table created with its columns and version, then one append. */
    @Override
    protected String versionOneJournal(List<JournalRow> rows) {
        String path = dir.resolve("v1-" + (tables++)).toString();
        DeltaTables.createIfAbsent(SPARK, path, VersionOneJournal.COLUMNS, JournalSchema.VERSION_PROPERTY, 1);
        SPARK.createDataFrame(rows.stream().map(VersionOneJournal::sparkRow).toList(), VersionOneJournal.COLUMNS)
                .write().format("delta").mode("append").save(path);
        return "delta:" + path;
    }

    @Override
    protected TrialJournal open(String uri) {
        return Tables.journal(SPARK, uri);
    }

    @Override
    protected int storedSchemaVersion(String uri) {
        return Integer.parseInt(DeltaTables.storedVersion(SPARK, path(uri), JournalSchema.VERSION_PROPERTY));
    }

    @Override
    protected Map<String, String> columns(String uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (StructField f : SPARK.read().format("delta").load(path(uri)).schema().fields()) {
            out.put(f.name(), f.dataType().simpleString());
        }
        return out;
    }

    @Override
    protected void addColumnBySql(String uri, String column, String sqlType) {
        SPARK.sql("ALTER TABLE delta.`" + path(uri) + "` ADD COLUMNS (" + column + " " + sqlType + ")");
    }

    @Override
    protected String stringType() {
        return "string";
    }

    private static String path(String uri) {
        return uri.substring("delta:".length());
    }

    private static Snapshot snapshot(String path) {
        return DeltaLog.forTable(SPARK, path).update(false, Option.empty(), Option.empty());
    }

    /**
     * The migration is one Delta commit holding the columns and the version together; the commit
     * before it has neither. In SQL, a version-1 row reads the new columns as null (mutune's readers
     * recover them from the note), a version-2 row has them.
     */
    @Test
    void theMigrationIsOneCommitAndLeavesVersionOneRowsAsWritten() {
        String uri = versionOneJournal(VersionOneJournal.written());
        long before = snapshot(path(uri)).version();
        TrialJournal j = open(uri);
        Snapshot after = snapshot(path(uri));
        assertEquals(before + 1, after.version(), "one commit");
        assertEquals("2", after.metadata().configuration().get(JournalSchema.VERSION_PROPERTY).get());
        assertTrue(List.of(after.schema().fieldNames()).containsAll(List.of(JournalSchema.V2_COLUMNS.fieldNames())));
        Snapshot prior = DeltaLog.forTable(SPARK, path(uri)).getSnapshotAt(before, Option.empty(), Option.empty(), false);
        assertEquals("1", prior.metadata().configuration().get(JournalSchema.VERSION_PROPERTY).get());
        assertFalse(List.of(prior.schema().fieldNames()).contains("replicate"));

        j.append(List.of(Journals.row(VersionOneJournal.SWEEP, 99, TrialStatus.COMPLETED, 1.0).withRequest(0, null, 4)));
        List<Row> stored = SPARK.sql("SELECT seq, replicate, bracket FROM delta.`" + path(uri) + "` ORDER BY seq").collectAsList();
        assertNull(stored.get(0).get(1), "a version-1 row keeps what it was written with");
        assertEquals(4, stored.get(stored.size() - 1).getInt(1));
        open(uri);
        assertEquals(after.version() + 1, snapshot(path(uri)).version(), "only the append: a migrated table is not migrated again");
    }

    /** Drivers that open one version-1 journal at once all open it; it is migrated once. */
    @Test
    void concurrentOpenersMigrateItOnce() throws Exception {
        String uri = versionOneJournal(VersionOneJournal.written());
        long before = snapshot(path(uri)).version();
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<Future<List<JournalRow>>> reads = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                reads.add(pool.submit(() -> open(uri).read(VersionOneJournal.SWEEP)));
            }
            for (Future<List<JournalRow>> r : reads) {
                assertEquals(VersionOneJournal.expected(), r.get());
            }
        } finally {
            pool.shutdown();
        }
        assertEquals(before + 1, snapshot(path(uri)).version());
        assertEquals(2, storedSchemaVersion(uri));
    }

    /**
     * The table's log folder cannot be written (its permissions changed): the migration's commit
     * fails, the open says so in one line naming the table, and the table is the version-1 table it
     * was. Writable again, the next open migrates it.
     */
    @Test
    void aMigrationThatCannotCommitLeavesVersionOne() throws Exception {
        String uri = versionOneJournal(VersionOneJournal.written());
        long before = snapshot(path(uri)).version();
        Path log = Path.of(path(uri), "_delta_log");
        IllegalStateException e;
        try (ReadOnlyFolder ro = ReadOnlyFolder.of(log)) {
            e = assertThrows(IllegalStateException.class, () -> open(uri));
        }
        assertTrue(e.getMessage().startsWith("delta:" + path(uri) + ": cannot migrate") && !e.getMessage().contains("\n"), e.getMessage());
        assertEquals(before, snapshot(path(uri)).version());
        assertEquals(1, storedSchemaVersion(uri));
        assertFalse(columns(uri).containsKey("bracket"));

        assertEquals(VersionOneJournal.expected(), open(uri).read(VersionOneJournal.SWEEP));
        assertEquals(2, storedSchemaVersion(uri));
    }

    /** A batch of rows is one data file, so a commit is one task however many cores the session has. */
    @Test
    void eachAppendWritesOneDataFile() {
        TrialJournal j = newJournal();
        for (int batch = 0; batch < 3; batch++) {
            List<JournalRow> rows = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                rows.add(Journals.row("s1", batch * 40L + i, TrialStatus.COMPLETED, 0.1 * i));
            }
            j.append(rows);
        }
        assertEquals(120, j.read("s1").size());
        long files = SPARK.sql("DESCRIBE DETAIL delta.`" + path(j.location()) + "`").first().getAs("numFiles");
        assertEquals(3, files, "one data file per append");
    }
}
