package io.mutune.connectors.journal;

import io.mutune.connectors.table.CheckedDeltaTable;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import static org.apache.spark.sql.functions.col;

/**
 * The trial journal as a Delta table. Each {@link #append} is one Delta commit of one data file, so
 * a batch of rows is visible whole or not at all, and a crash never leaves half a batch.
 */
public final class DeltaTrialJournal implements TrialJournal {
    private final SparkSession spark;
    private final CheckedDeltaTable table;

    public DeltaTrialJournal(SparkSession spark, String path) {
        this.spark = spark;
        this.table = new CheckedDeltaTable(spark, path, JournalSchema.TABLE);
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
        // One file, so one task: a list of rows is otherwise split over every core of the cluster,
        // and a driver that commits every few seconds would take that many cores each time.
        Dataset<Row> df = spark.createDataFrame(JournalSchema.toRows(rows), JournalSchema.SCHEMA).coalesce(1);
        table.append(df);
    }

    @Override
    public List<JournalRow> read(String sweepId) {
        if (!table.exists()) {
            return List.of();
        }
        return JournalV1Rows.recover(table.read()
                .where(col("sweep_id").equalTo(sweepId))
                .orderBy(col("seq"))
                .collectAsList().stream().map(JournalSchema::fromRow).toList());
    }

    @Override
    public String location() {
        return table.location();
    }
}
