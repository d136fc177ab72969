package io.mutune.connectors.direct;

import io.mutune.connectors.iceberg.IcebergLocation;
import io.mutune.connectors.recommend.PublishMetadata;
import io.mutune.connectors.recommend.PublishRecord;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recommendations in an Iceberg table of a Hadoop catalog, read without Spark
 * ({@link IcebergCoreTable}): each publish is the snapshot whose summary carries its
 * {@link PublishMetadata}, as {@code IcebergRecommendationTable} writes it.
 */
public final class IcebergCoreRecommendations extends CommitLogRecommendations {
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
    PublishedCommits<Long> publishes() {
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

    @Override
    List<Map<String, Object>> rowsAt(Optional<Long> commit) {
        return table.rows(commit);
    }

    @Override
    Map<String, String> properties() {
        return table.properties();
    }

    @Override
    public String location() {
        return table.location();
    }
}
