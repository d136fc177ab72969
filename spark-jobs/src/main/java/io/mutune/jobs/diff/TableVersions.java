package io.mutune.jobs.diff;

import io.delta.tables.DeltaTable;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationSchema;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import static org.apache.spark.sql.functions.col;

/**
 * Versions of a Delta recommendations table, by Delta version number or by the sweep whose publish
 * wrote them (each publish's commit carries {@code mutune publish sweep_id=ID} as user metadata).
 */
public record TableVersions(SparkSession spark, String path) {
    static final String PUBLISH_PREFIX = "mutune publish sweep_id=";

    public long latest() {
        return DeltaTable.forPath(spark, path).history(1).first().<Long>getAs("version");
    }

    /** The Delta version the publish of {@code sweepId} wrote (its last one, if it published twice). */
    public long ofSweep(String sweepId) {
        List<Row> rows = DeltaTable.forPath(spark, path).history()
                .where(col("userMetadata").equalTo(PUBLISH_PREFIX + sweepId))
                .orderBy(col("version").desc()).limit(1).collectAsList();
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("no publish of sweep '" + sweepId + "' in the history of delta:" + path);
        }
        return rows.get(0).<Long>getAs("version");
    }

    /** The table's rows as of Delta version {@code v} (time travel). */
    public List<RecommendationRow> rowsAt(long v) {
        if (v < 0 || v > latest()) {
            throw new IllegalArgumentException("delta:" + path + " has versions 0.." + latest() + ", not " + v);
        }
        return spark.read().format("delta").option("versionAsOf", v).load(path)
                .collectAsList().stream().map(RecommendationSchema::fromRow).toList();
    }
}
