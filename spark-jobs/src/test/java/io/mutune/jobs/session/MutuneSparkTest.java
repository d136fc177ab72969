package io.mutune.jobs.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.jobs.exec.SparkSegmentExecutor;
import java.nio.file.Path;
import org.apache.spark.scheduler.Schedulable;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;

/** The session mutune starts keeps its files out of the user's folder and defines the pool its jobs use. */
class MutuneSparkTest {

    @Test
    void thePoolIsDefinedAndTheWarehouseIsNotInTheWorkingDirectory() {
        SparkSession spark = MutuneSpark.getOrCreate("local[1]");
        // Defined from the allocation file at start; before, Spark made it on the first job, with a warning.
        Schedulable pool = spark.sparkContext().getPoolForName(SparkSegmentExecutor.POOL).get();
        assertEquals(SparkSegmentExecutor.POOL, pool.name());
        assertEquals("FAIR", pool.schedulingMode().toString());
        Path warehouse = Path.of(spark.conf().get("spark.sql.warehouse.dir").replaceFirst("^file:", ""));
        assertFalse(warehouse.toAbsolutePath().startsWith(Path.of(System.getProperty("user.dir")).toAbsolutePath()), warehouse.toString());
        assertTrue(warehouse.toString().contains("mutune-spark-warehouse"), warehouse.toString());
        assertEquals("100", spark.conf().get("spark.sql.debug.maxToStringFields"));
    }
}
