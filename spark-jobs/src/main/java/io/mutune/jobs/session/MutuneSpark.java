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
                .config("spark.extraListeners", extraListeners())
                // The journal has 25 columns; Spark's default of 25 fields warns on every plan that prints it.
                .config("spark.sql.debug.maxToStringFields", "100");
        // The user's own settings win; without them, the pool file defines mutune's pool and the
        // warehouse goes to the temp folder instead of the working directory.
        boolean fresh = SparkSession.getDefaultSession().isEmpty();
        if (fresh && System.getProperty("spark.scheduler.allocation.file") == null) {
            b.config("spark.scheduler.allocation.file", SessionFiles.fairSchedulerFile());
        }
        if (fresh && System.getProperty("spark.sql.warehouse.dir") == null) {
            b.config("spark.sql.warehouse.dir", SessionFiles.warehouseDir());
        }
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
