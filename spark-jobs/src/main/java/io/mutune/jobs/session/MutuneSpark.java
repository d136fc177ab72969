package io.mutune.jobs.session;

import io.mutune.jobs.exec.ExecutorSlots;
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
                .config("spark.databricks.delta.snapshotPartitions", "2")
                // Sees executors register from the start, so the sweep sizes its window from the real cluster.
                .config("spark.extraListeners", extraListeners());
        if (master != null) {
            b.master(master);
        }
        return b.getOrCreate();
    }

    /** The user's listeners, if any, plus mutune's slot tracker. */
    static String extraListeners() {
        String mine = ExecutorSlots.class.getName();
        String theirs = System.getProperty("spark.extraListeners", "").trim();
        return theirs.isEmpty() ? mine : theirs.contains(mine) ? theirs : theirs + "," + mine;
    }
}
