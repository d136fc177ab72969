package io.mutune.connectors.iceberg;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.JournalSchema;
import io.mutune.connectors.journal.JournalV1Rows;
import io.mutune.connectors.journal.TrialJournal;
import java.util.List;
import org.apache.spark.sql.SparkSession;
import static org.apache.spark.sql.functions.col;

/** The trial journal as an Iceberg table in a Hadoop catalog; each append is one snapshot. */
public final class IcebergTrialJournal implements TrialJournal {
    private final SparkSession spark;
    private final CheckedIcebergTable table;

    public IcebergTrialJournal(SparkSession spark, IcebergLocation at) {
        this.spark = spark;
        this.table = new CheckedIcebergTable(spark, at, JournalSchema.TABLE);
    }

    @Override
    public void createIfAbsent() {
        table.createIfAbsent();
    }

    @Override
    public void append(List<JournalRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        table.createIfAbsent();
        try {
            // one data file, so one task (see DeltaTrialJournal)
            spark.createDataFrame(JournalSchema.toRows(rows), JournalSchema.SCHEMA).coalesce(1).writeTo(table.name()).append();
        } catch (org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
            throw new IllegalStateException("journal " + table.location() + " vanished while appending", e);
        }
    }

    @Override
    public List<JournalRow> read(String sweepId) {
        if (!table.exists()) {
            return List.of();
        }
        return JournalV1Rows.recover(spark.table(table.name()).where(col("sweep_id").equalTo(sweepId)).orderBy(col("seq"))
                .collectAsList().stream().map(JournalSchema::fromRow).toList());
    }

    @Override
    public String location() {
        return table.location();
    }
}
