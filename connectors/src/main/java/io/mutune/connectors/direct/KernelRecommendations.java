package io.mutune.connectors.direct;

import io.mutune.connectors.recommend.PublishMetadata;
import io.mutune.connectors.recommend.PublishRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The recommendations in a Delta table, read without Spark ({@link KernelDeltaTable}): the same
 * rows, publishes and time travel as {@code DeltaRecommendationTable} gives a Spark user. A
 * folder with no table yet has no rows and no publishes.
 */
public final class KernelRecommendations extends CommitLogRecommendations {
    private final KernelDeltaTable table;

    public KernelRecommendations(String path) {
        this.table = new KernelDeltaTable(path);
    }

    @Override
    public boolean exists() {
        return table.exists();
    }

    @Override
    PublishedCommits<Long> publishes() {
        List<PublishedCommits.Published<Long>> out = new ArrayList<>();
        if (table.exists()) {
            for (KernelDeltaTable.Commit c : table.commits()) {
                PublishMetadata.parse(c.userMetadata()).ifPresentOrElse(
                        m -> out.add(new PublishedCommits.Published<>(new PublishRecord(m.version(), m.sweepId(), c.at(), m.rows()), c.version())),
                        () -> PublishMetadata.legacySweepId(c.userMetadata()).ifPresent(sweep -> out.add(legacy(c, sweep))));
            }
        }
        return new PublishedCommits<>(location(), out);
    }

    /** An older mutune's publish: its version is the highest in the rows it left, its row count those rows. */
    private PublishedCommits.Published<Long> legacy(KernelDeltaTable.Commit c, String sweepId) {
        List<Map<String, Object>> then = table.rows(Optional.of(c.version()));
        long version = then.stream().mapToLong(r -> ((Number) r.get("version")).longValue()).max().orElse(0L);
        long rows = then.stream().filter(r -> ((Number) r.get("version")).longValue() == version).count();
        return new PublishedCommits.Published<>(new PublishRecord(version, sweepId, c.at(), rows), c.version());
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
        return "delta:" + table.path();
    }
}
