package io.mutune.connectors;

import org.apache.spark.sql.SparkSession;

/** The one local Spark session the module's tests share: Delta (Iceberg registers its catalogs itself), two cores, tiny shuffles. */
public final class LocalSpark {
    private LocalSpark() { }

    public static synchronized SparkSession session() {
        return SparkSession.builder()
                .master("local[2]")
                .appName("mutune-connectors-test")
                // As MutuneSpark configures production: Iceberg's MERGE needs no extension on Spark 4.1.
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.default.parallelism", "2")
                .config("spark.databricks.delta.snapshotPartitions", "2")
                // Adaptive planning only adds planning work to jobs over a handful of rows.
                .config("spark.sql.adaptive.enabled", "false")
                .config("spark.ui.enabled", "false")
                .config("spark.ui.showConsoleProgress", "false")
                .getOrCreate();
    }
}
