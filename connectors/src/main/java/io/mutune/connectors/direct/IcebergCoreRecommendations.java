package io.mutune.connectors.direct;

import io.mutune.connectors.iceberg.IcebergLocation;
import io.mutune.connectors.recommend.PublishMetadata;
import io.mutune.connectors.recommend.PublishRecord;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationSchema;
import io.mutune.connectors.recommend.RecommendationSource;
import io.mutune.connectors.table.SchemaVersions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The recommendations in an Iceberg table of a Hadoop catalog, read without Spark
 * ({@link IcebergCoreTable}): each publish is the snapshot whose summary carries its
 * {@link PublishMetadata}, as {@code IcebergRecommendationTable} writes it.
 */
public final class IcebergCoreRecommendations implements RecommendationSource {
    /** The snapshot-summary key publishes write (IcebergRecommendationTable's). */
    private static final String SUMMARY_KEY = "mutune.publish";
    private final IcebergCoreTable table;

    public IcebergCoreRecommendations(IcebergLocation at) {
        this.table = new IcebergCoreTable(at);
    }

    @Override
    public boolean exists() {
        return table.exists();
    }

    @Override
    public List<RecommendationRow> current() {
        return table.exists() ? read(Optional.empty()) : List.of();
    }

    @Override
    public List<RecommendationRow> asOfVersion(long version) {
        return read(Optional.of(publishes().commitOf(version)));
    }

    @Override
    public List<RecommendationRow> asOfSweep(String sweepId) {
        return asOfVersion(versionOfSweep(sweepId));
    }

    @Override
    public List<PublishRecord> history() {
        return publishes().history();
    }

    private PublishedCommits<Long> publishes() {
        List<PublishedCommits.Published<Long>> out = new ArrayList<>();
        if (table.exists()) {
            for (IcebergCoreTable.SnapshotInfo s : table.snapshots()) {
                PublishMetadata.parse(s.summary().get(SUMMARY_KEY)).ifPresent(m -> out.add(
                        new PublishedCommits.Published<>(new PublishRecord(m.version(), m.sweepId(), s.at(), m.rows()), s.id())));
            }
        }
        out.sort(Comparator.comparingLong(p -> p.record().version()));
        return new PublishedCommits<>(location(), out);
    }

    private List<RecommendationRow> read(Optional<Long> snapshotId) {
        SchemaVersions.requireReadable(location(), table.properties().get(RecommendationSchema.VERSION_PROPERTY), RecommendationSchema.VERSION, 1);
        return table.rows(snapshotId).stream().map(RecommendationSchema::fromColumns).toList();
    }

    @Override
    public String location() {
        return table.location();
    }
}
