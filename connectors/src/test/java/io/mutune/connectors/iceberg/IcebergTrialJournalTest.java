package io.mutune.connectors.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.LocalSpark;
import io.mutune.connectors.ReadOnlyFolder;
import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.JournalSchema;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.journal.TrialJournalV2Contract;
import io.mutune.connectors.journal.VersionOneJournal;
import io.mutune.connectors.open.Tables;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcebergTrialJournalTest extends TrialJournalV2Contract {
    private static final SparkSession SPARK = LocalSpark.session();
    @TempDir
    static Path warehouse;
    private static int tables;

    @Override
    protected TrialJournal newJournal() {
        return Tables.journal(SPARK, "iceberg:" + warehouse + "#mutune.trials" + (tables++));
    }

    /** As version 1's IcebergTrialJournal did: the table created with its columns and version, then one append. */
    @Override
    protected String versionOneJournal(List<JournalRow> rows) {
        IcebergLocation at = IcebergLocation.parse(warehouse + "#mutune.v1_" + (tables++));
        String name = at.register(SPARK);
        SPARK.sql("CREATE NAMESPACE IF NOT EXISTS `" + at.catalog() + "`.mutune");
        SPARK.sql("CREATE TABLE " + name + " (" + VersionOneJournal.COLUMNS.toDDL() + ") USING iceberg TBLPROPERTIES ('format-version' = '2', '"
                + JournalSchema.VERSION_PROPERTY + "' = '1')");
        try {
            SPARK.createDataFrame(rows.stream().map(VersionOneJournal::sparkRow).toList(), VersionOneJournal.COLUMNS).writeTo(name).append();
        } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
            throw new IllegalStateException(e);
        }
        return at.toString();
    }

    @Override
    protected TrialJournal open(String uri) {
        return Tables.journal(SPARK, uri);
    }

    private static String name(String uri) {
        return IcebergLocation.parse(uri.substring("iceberg:".length())).register(SPARK);
    }

    @Override
    protected int storedSchemaVersion(String uri) {
        return Integer.parseInt(SPARK.sql("SHOW TBLPROPERTIES " + name(uri)).where("key = '" + JournalSchema.VERSION_PROPERTY + "'")
                .first().getString(1));
    }

    @Override
    protected Map<String, String> columns(String uri) {
        Map<String, String> out = new LinkedHashMap<>();
        for (StructField f : SPARK.table(name(uri)).schema().fields()) {
            out.put(f.name(), f.dataType().simpleString());
        }
        return out;
    }

    @Override
    protected void addColumnBySql(String uri, String column, String sqlType) {
        SPARK.sql("ALTER TABLE " + name(uri) + " ADD COLUMNS (" + column + " " + sqlType + ")");
    }

    @Override
    protected String stringType() {
        return "string";
    }

    /** The migration writes one new metadata file holding both the columns and the version, and no snapshot. */
    @Test
    void theMigrationIsOneMetadataCommit() {
        String uri = versionOneJournal(VersionOneJournal.written());
        long metadataBefore = SPARK.sql("SELECT * FROM " + name(uri) + ".metadata_log_entries").count();
        long snapshotsBefore = SPARK.sql("SELECT * FROM " + name(uri) + ".snapshots").count();
        open(uri);
        assertEquals(metadataBefore + 1, SPARK.sql("SELECT * FROM " + name(uri) + ".metadata_log_entries").count());
        assertEquals(snapshotsBefore, SPARK.sql("SELECT * FROM " + name(uri) + ".snapshots").count());
        open(uri);
        assertEquals(metadataBefore + 1, SPARK.sql("SELECT * FROM " + name(uri) + ".metadata_log_entries").count(), "not migrated twice");
    }

    /**
     * The table's metadata folder cannot be written (its permissions changed): the migration's commit
     * fails, the open says so in one line naming the table, and the table is the version-1 table it
     * was. Writable again, the next open migrates it.
     */
    @Test
    void aMigrationThatCannotCommitLeavesVersionOne() throws Exception {
        String uri = versionOneJournal(VersionOneJournal.written());
        IcebergLocation at = IcebergLocation.parse(uri.substring("iceberg:".length()));
        Path metadata = Path.of(at.warehouse(), at.namespace(), at.table(), "metadata");
        long metadataBefore = SPARK.sql("SELECT * FROM " + name(uri) + ".metadata_log_entries").count();
        IllegalStateException e;
        try (ReadOnlyFolder ro = ReadOnlyFolder.of(metadata)) {
            e = assertThrows(IllegalStateException.class, () -> open(uri));
        }
        assertTrue(e.getMessage().startsWith(uri + ": cannot migrate") && !e.getMessage().contains("\n"), e.getMessage());
        assertEquals(metadataBefore, SPARK.sql("SELECT * FROM " + name(uri) + ".metadata_log_entries").count());
        assertEquals(1, storedSchemaVersion(uri));
        assertFalse(columns(uri).containsKey("bracket"));

        assertEquals(VersionOneJournal.expected(), open(uri).read(VersionOneJournal.SWEEP));
        assertEquals(2, storedSchemaVersion(uri));
    }
}
