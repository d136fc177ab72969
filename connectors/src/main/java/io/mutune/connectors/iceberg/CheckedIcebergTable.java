package io.mutune.connectors.iceberg;

import io.mutune.connectors.table.SchemaColumns;
import io.mutune.connectors.table.SchemaVersions;
import io.mutune.connectors.table.TableSchema;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;

/**
 * One mutune table in an Iceberg warehouse, opened the way every mutune Iceberg table is: its
 * catalog is registered and its columns and schema version are checked when it is opened, and it
 * is created with them on its first write. What the table holds and how it is written stay with the
 * journal or recommendation table that opens it.
 */
final class CheckedIcebergTable {
    private final SparkSession spark;
    private final IcebergLocation at;
    private final TableSchema schema;
    private final String name;

    /**
     * Fails, naming the table, if it exists but lacks a column of {@code schema} or carries a version
     * this mutune cannot read; a table of an older version is first migrated in one commit
     * ({@link IcebergMigration}).
     */
    CheckedIcebergTable(SparkSession spark, IcebergLocation at, TableSchema schema) {
        this.spark = spark;
        this.at = at;
        this.schema = schema;
        this.name = at.register(spark);
        if (!exists()) {
            return;
        }
        String raw = storedVersion();
        if (raw == null) {
            // Most likely not mutune's at all: name a column it lacks, which says more than a missing property.
            SchemaColumns.requireColumns(at.toString(), spark.table(name).schema(), schema.columns());
        }
        int stored = SchemaVersions.requireReadable(at.toString(), raw, schema.version(), schema.oldestReadable());
        if (stored < schema.version()) {
            SchemaColumns.requireColumns(at.toString(), spark.table(name).schema(), schema.columnsAt(stored));
            IcebergMigration.migrate(spark, this, schema, stored);
        }
        SchemaColumns.requireColumns(at.toString(), spark.table(name).schema(), schema.columns());
    }

    /** The schema version stored in the table's properties, or null when it has none. */
    String storedVersion() {
        return spark.sql("SHOW TBLPROPERTIES " + name).where(functions.col("key").equalTo(schema.versionProperty()))
                .select("value").collectAsList().stream().map(r -> r.getString(0)).findFirst().orElse(null);
    }

    /** The name Iceberg's own API loads the table by (catalog.namespace.table, unquoted: all are plain identifiers). */
    String icebergName() {
        return at.catalog() + "." + at.namespace() + "." + at.table();
    }

    /** The quoted three-part name, for SQL. */
    String name() {
        return name;
    }

    boolean exists() {
        return spark.catalog().tableExists(at.catalog() + "." + at.namespace() + "." + at.table());
    }

    void createIfAbsent() {
        // Registered again in case the session's catalog settings were reset since the open; the name is the same.
        String registered = at.register(spark);
        spark.sql("CREATE NAMESPACE IF NOT EXISTS `" + at.catalog() + "`.`" + at.namespace() + "`");
        // The property key and value are mutune's constants, never the spec's.
        spark.sql("CREATE TABLE IF NOT EXISTS " + registered + " (" + schema.columns().toDDL() + ") USING iceberg"
                + " TBLPROPERTIES ('format-version' = '2', '" + schema.versionProperty() + "' = '" + schema.version() + "')");
    }

    /** The table as a spec names it. */
    String location() {
        return at.toString();
    }
}
