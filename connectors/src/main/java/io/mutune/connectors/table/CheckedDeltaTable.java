package io.mutune.connectors.table;

import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * One mutune table stored as Delta at a path, opened the way every mutune Delta table is: its
 * columns and schema version are checked when it is opened, and it is created with them on its
 * first write. What the table holds and how it is written stay with the journal or recommendation
 * table that opens it.
 */
public final class CheckedDeltaTable {
    private final SparkSession spark;
    private final String path;
    private final TableSchema schema;

    /**
     * Fails, naming the table, if it exists but does not match {@code schema}; a table of an older
     * schema version is migrated first (see {@link DeltaTables#openChecked}).
     */
    public CheckedDeltaTable(SparkSession spark, String path, TableSchema schema) {
        this.spark = spark;
        this.path = path;
        this.schema = schema;
        DeltaTables.openChecked(spark, path, schema);
    }

    public String path() {
        return path;
    }

    public boolean exists() {
        return DeltaTables.exists(spark, path);
    }

    public void createIfAbsent() {
        DeltaTables.createIfAbsent(spark, path, schema.columns(), schema.versionProperty(), schema.version());
    }

    /** Appends {@code df} in one commit, creating the table first if needed (see {@link DeltaTables#append}). */
    public void append(Dataset<Row> df) {
        DeltaTables.append(spark, df, path, schema.versionProperty(), schema.version());
    }

    /** The table's current rows. */
    public Dataset<Row> read() {
        return spark.read().format("delta").load(path);
    }

    /** The table as a spec names it. */
    public String location() {
        return "delta:" + path;
    }
}
