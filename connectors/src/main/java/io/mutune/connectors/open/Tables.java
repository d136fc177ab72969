package io.mutune.connectors.open;

import io.mutune.connectors.journal.DeltaTrialJournal;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.recommend.DeltaRecommendationTable;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.connectors.table.TableUri;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;

/** Opens the journal and the recommendation table that a spec's {@code output} section names. */
public final class Tables {
    private Tables() { }

    public static TrialJournal journal(SparkSession spark, String uri) {
        TableUri t = TableUri.parse(uri);
        return switch (t.format()) {
            case DELTA -> new DeltaTrialJournal(spark, resolve(t.location()));
            default -> throw new IllegalArgumentException("output.trials: " + t.format() + " journals are not supported yet; use delta:PATH");
        };
    }

    public static RecommendationTable recommendations(SparkSession spark, String uri) {
        TableUri t = TableUri.parse(uri);
        return switch (t.format()) {
            case DELTA -> new DeltaRecommendationTable(spark, resolve(t.location()));
            default -> throw new IllegalArgumentException("output.recommendations: " + t.format() + " tables are not supported yet; use delta:PATH");
        };
    }

    /**
     * A path without a scheme is local and relative to the working directory; made absolute here
     * so the same spec means the same table whichever directory Spark resolves it from.
     */
    static String resolve(String location) {
        if (location.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*")) {
            return location;
        }
        return Path.of(location).toAbsolutePath().normalize().toString();
    }
}
