package io.mutune.jobs.session;

import org.apache.spark.sql.SparkSession;

/**
 * The Spark session the jobs run in. On spark-submit or a notebook the session already exists
 * and only mutune's settings are added; {@code bin/mutune} gets a {@code local[*]} one.
 */
public final class MutuneSpark {
    private MutuneSpark() { }

    public static SparkSession getOrCreate(String master) {
        SparkSession.Builder b = SparkSession.builder()
                .appName("mutune")
                .config("spark.sql.extensions", "io.delta.sql.DeltaSparkSessionExtension")
                .config("spark.sql.catalog.spark_catalog", "org.apache.spark.sql.delta.catalog.DeltaCatalog")
                // Trial segments are concurrent jobs; FAIR keeps a long segment from starving the rest.
                .config("spark.scheduler.mode", "FAIR")
                .config("spark.ui.showConsoleProgress", "false")
                // Single-task jobs of tiny data: the default 200 shuffle partitions only cost latency.
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.databricks.delta.snapshotPartitions", "2");
        if (master != null) {
            b.master(master);
        }
        return b.getOrCreate();
    }
}
