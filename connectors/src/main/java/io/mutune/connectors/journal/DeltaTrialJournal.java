package io.mutune.connectors.journal;

import io.mutune.connectors.table.DeltaTables;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import static org.apache.spark.sql.functions.col;

/**
 * The trial journal as a Delta table. Each {@link #append} is one Delta commit, so a batch of rows
 * is visible whole or not at all, and a crash never leaves half a batch.
 */
public final class DeltaTrialJournal implements TrialJournal {
    private final SparkSession spark;
    private final String path;

    public DeltaTrialJournal(SparkSession spark, String path) {
        this.spark = spark;
        this.path = path;
        DeltaTables.checkSchema(spark, path, JournalSchema.SCHEMA, JournalSchema.VERSION_PROPERTY, JournalSchema.VERSION);
    }

    @Override
    public void append(List<JournalRow> rows) {
        if (rows.isEmpty()) {
            return;
        }
        Dataset<Row> df = spark.createDataFrame(JournalSchema.toRows(rows), JournalSchema.SCHEMA);
        DeltaTables.append(spark, df, path, JournalSchema.VERSION_PROPERTY, JournalSchema.VERSION);
    }

    @Override
    public List<JournalRow> read(String sweepId) {
        if (!DeltaTables.exists(spark, path)) {
            return List.of();
        }
        return spark.read().format("delta").load(path)
                .where(col("sweep_id").equalTo(sweepId))
                .orderBy(col("seq"))
                .collectAsList().stream().map(JournalSchema::fromRow).toList();
    }

    @Override
    public String location() {
        return "delta:" + path;
    }
}
