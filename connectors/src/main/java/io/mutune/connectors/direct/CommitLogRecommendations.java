package io.mutune.connectors.direct;

import io.mutune.connectors.recommend.PublishRecord;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationSchema;
import io.mutune.connectors.recommend.RecommendationSource;
import io.mutune.connectors.table.SchemaVersions;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A recommendations table read without Spark from its format's commit log (Delta's commits,
 * Iceberg's snapshots): each publish is the commit that carries its metadata, and time travel
 * reads the rows as of that commit. The formats differ only in how commits are listed and read.
 */
abstract class CommitLogRecommendations implements RecommendationSource {

    /** The publishes found in the commit log, each with the commit (version or snapshot id) it made. */
    abstract PublishedCommits<Long> publishes();

    /** The table's rows as columns, as of {@code commit}, or the current ones. */
    abstract List<Map<String, Object>> rowsAt(Optional<Long> commit);

    /** The table's properties (the schema version lives there). */
    abstract Map<String, String> properties();

    @Override
    public List<RecommendationRow> current() {
        return exists() ? read(Optional.empty()) : List.of();
    }

    @Override
    public List<RecommendationRow> asOfVersion(long version) {
        return read(Optional.of(publishes().commitOf(version)));
    }

    @Override
    public List<PublishRecord> history() {
        return publishes().history();
    }

    private List<RecommendationRow> read(Optional<Long> commit) {
        SchemaVersions.requireReadable(location(), properties().get(RecommendationSchema.VERSION_PROPERTY), RecommendationSchema.VERSION, 1);
        return rowsAt(commit).stream().map(RecommendationSchema::fromColumns).toList();
    }
}
