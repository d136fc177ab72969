package io.mutune.jobs.diff;

import io.mutune.connectors.open.Tables;
import io.mutune.connectors.recommend.PublishRecord;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationTable;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * The publishes of a recommendations table, by publish version or by the sweep that wrote them.
 * It reads through the table's own history ({@link RecommendationTable#history()}), so it works on
 * every engine and does not depend on how an engine records a publish in its commit log.
 */
public final class TableVersions {
    private final RecommendationTable table;

    public TableVersions(RecommendationTable table) {
        this.table = table;
    }

    /** A Delta table at {@code path}, as notebooks name it. */
    public TableVersions(SparkSession spark, String path) {
        this(Tables.recommendations(spark, "delta:" + path));
    }

    /** The latest publish version; fails on a table nothing was published to, or no table at all. */
    public long latest() {
        if (!table.exists()) {
            throw new IllegalArgumentException("no table at " + table.location() + ": nothing was ever published there, or the location is mistyped");
        }
        return table.history().stream().mapToLong(PublishRecord::version).max()
                .orElseThrow(() -> new IllegalArgumentException("table " + table.location() + " has no publish yet"));
    }

    /** The publish version the latest publish of {@code sweepId} wrote. */
    public long ofSweep(String sweepId) {
        return table.versionOfSweep(sweepId);
    }

    /** The table's rows right after publish {@code v}. */
    public List<RecommendationRow> rowsAt(long v) {
        return table.asOfVersion(v);
    }
}
