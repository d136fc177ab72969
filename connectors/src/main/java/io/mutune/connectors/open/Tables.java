package io.mutune.connectors.open;

import io.mutune.connectors.iceberg.IcebergLocation;
import io.mutune.connectors.iceberg.IcebergRecommendationTable;
import io.mutune.connectors.iceberg.IcebergTrialJournal;
import io.mutune.connectors.jdbc.JdbcPassword;
import io.mutune.connectors.jdbc.JdbcRecommendationTable;
import io.mutune.connectors.jdbc.JdbcTarget;
import io.mutune.connectors.jdbc.JdbcTrialJournal;
import io.mutune.connectors.journal.DeltaTrialJournal;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.recommend.DeltaRecommendationTable;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.connectors.table.TableUri;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/**
 * Opens the journal and the recommendation table that a spec's {@code output} section names:
 * {@code delta:PATH}, {@code iceberg:WAREHOUSE#DB.TABLE} or {@code jdbc:postgresql://...&table=NAME}
 * (password from {@value JdbcPassword#ENV} or {@value JdbcPassword#FILE_ENV}).
 */
public final class Tables {
    private Tables() { }

    public static TrialJournal journal(SparkSession spark, String uri) {
        TableUri t = TableUri.parse(uri);
        return switch (t.format()) {
            case DELTA -> new DeltaTrialJournal(spark, resolve(t.location()));
            case ICEBERG -> new IcebergTrialJournal(spark, iceberg("output.trials: " + uri, t.location()));
            case JDBC -> new JdbcTrialJournal(JdbcTarget.parse(t.location()), JdbcPassword.fromEnvironment());
            case PARQUET -> throw new IllegalArgumentException("output.trials: " + uri + ": a journal must be appendable and atomic;"
                    + " use delta:PATH, iceberg:WAREHOUSE#DB.TABLE or jdbc:postgresql://...");
        };
    }

    public static RecommendationTable recommendations(SparkSession spark, String uri) {
        TableUri t = TableUri.parse(uri);
        return switch (t.format()) {
            case DELTA -> new DeltaRecommendationTable(spark, resolve(t.location()));
            case ICEBERG -> new IcebergRecommendationTable(spark, iceberg("output.recommendations: " + uri, t.location()));
            case JDBC -> new JdbcRecommendationTable(JdbcTarget.parse(t.location()), JdbcPassword.fromEnvironment());
            case PARQUET -> throw new IllegalArgumentException("output.recommendations: " + uri + ": Parquet is an export format"
                    + " (RecommendationExport), not a table that can be upserted; use delta:, iceberg: or jdbc:");
        };
    }

    private static IcebergLocation iceberg(String what, String location) {
        ClasspathLibrary.ICEBERG.require(what);
        IcebergLocation at = IcebergLocation.parse(location);
        return new IcebergLocation(resolve(at.warehouse()), at.namespace(), at.table());
    }

    /**
     * A path without a scheme is local and relative to the working directory; made absolute here
     * so the same spec means the same table whichever directory Spark resolves it from.
     */
    public static String resolve(String location) {
        if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return location;
        }
        return Path.of(location).toAbsolutePath().normalize().toString();
    }
}
