package io.mutune.connectors.iceberg;

import io.mutune.connectors.table.SchemaColumns;
import io.mutune.connectors.table.SchemaVersions;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.StructType;

/** What every mutune Iceberg table shares: creation with its schema-version property and the check on open. */
final class IcebergTables {
    private IcebergTables() { }

    static boolean exists(SparkSession spark, IcebergLocation at) {
        return spark.catalog().tableExists(at.catalog() + "." + at.namespace() + "." + at.table());
    }

    static void checkSchema(SparkSession spark, IcebergLocation at, StructType schema, String versionProperty, int version) {
        String name = at.register(spark);
        if (!exists(spark, at)) {
            return;
        }
        SchemaColumns.requireColumns(at.toString(), spark.table(name).schema(), schema);
        String stored = spark.sql("SHOW TBLPROPERTIES " + name).where(functions.col("key").equalTo(versionProperty))
                .select("value").collectAsList().stream().map(r -> r.getString(0)).findFirst().orElse(null);
        // Version 1 is the first mutune schema: nothing older to migrate from yet.
        SchemaVersions.requireReadable(at.toString(), stored, version, 1);
    }

    static void createIfAbsent(SparkSession spark, IcebergLocation at, StructType schema, String versionProperty, int version) {
        String name = at.register(spark);
        spark.sql("CREATE NAMESPACE IF NOT EXISTS `" + at.catalog() + "`.`" + at.namespace() + "`");
        // The property key and value are mutune's constants, never the spec's.
        spark.sql("CREATE TABLE IF NOT EXISTS " + name + " (" + schema.toDDL() + ") USING iceberg"
                + " TBLPROPERTIES ('format-version' = '2', '" + versionProperty + "' = '" + version + "')");
    }
}
