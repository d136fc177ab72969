package io.mutune.connectors.table;

import io.delta.tables.DeltaTable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * What every mutune Delta table shares: creation with its schema-version property, and a check on
 * open that refuses a table written by someone else or by a newer mutune instead of misreading it.
 */
public final class DeltaTables {
    private DeltaTables() { }

    public static boolean exists(SparkSession spark, String path) {
        return DeltaTable.isDeltaTable(spark, path);
    }

    /**
     * Fails with a message naming the table if it exists but lacks a column of {@code schema}, has a
     * column of another type, or carries a schema version this mutune does not know.
     */
    public static void checkSchema(SparkSession spark, String path, StructType schema, String versionProperty, int version) {
        openChecked(spark, path, new TableSchema(schema, versionProperty, version));
    }

    /**
     * Checks the table at {@code path} as {@link #checkSchema} does, and first migrates a table of an
     * older version that {@code schema} knows a migration from, in one commit: a reader sees the table
     * either as it was or migrated, never half-way. Nothing happens when the table does not exist.
     */
    public static void openChecked(SparkSession spark, String path, TableSchema schema) {
        if (!exists(spark, path)) {
            return;
        }
        String raw = storedVersion(spark, path, schema.versionProperty());
        if (raw == null) {
            // Most likely not mutune's at all: name a column it lacks, which says more than a missing property.
            SchemaColumns.requireColumns("delta:" + path, spark.read().format("delta").load(path).schema(), schema.columns());
        }
        int stored = SchemaVersions.requireReadable("delta:" + path, raw, schema.version(), schema.oldestReadable());
        if (stored < schema.version()) {
            SchemaColumns.requireColumns("delta:" + path, spark.read().format("delta").load(path).schema(), schema.columnsAt(stored));
            DeltaMigration.migrate(spark, path, schema, stored);
        }
        SchemaColumns.requireColumns("delta:" + path, spark.read().format("delta").load(path).schema(), schema.columns());
    }

    /** The schema version the table at {@code path} carries, or null when it carries none. */
    public static String storedVersion(SparkSession spark, String path, String versionProperty) {
        return spark.sql("SHOW TBLPROPERTIES delta.`" + path.replace("`", "``") + "`")
                .where(org.apache.spark.sql.functions.col("key").equalTo(versionProperty))
                .select("value").collectAsList().stream().map(r -> r.getString(0)).findFirst().orElse(null);
    }

    /**
     * Appends {@code df}. The table is first created empty with its schema and version property in
     * one commit, so no reader ever sees a mutune table without its version.
     */
    public static void append(SparkSession spark, Dataset<Row> df, String path, String versionProperty, int version) {
        createIfAbsent(spark, path, df.schema(), versionProperty, version);
        df.write().format("delta").mode("append").save(path);
    }

    public static void createIfAbsent(SparkSession spark, String path, StructType schema, String versionProperty, int version) {
        if (!exists(spark, path)) {
            DeltaTable.createIfNotExists(spark).location(path).addColumns(schema)
                    .property(versionProperty, Integer.toString(version)).execute();
        }
    }
}
