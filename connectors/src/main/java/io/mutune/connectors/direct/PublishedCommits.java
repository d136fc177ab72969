package io.mutune.connectors.direct;

import io.mutune.connectors.recommend.PublishRecord;
import java.util.List;

/**
 * The publishes a table's commits record, with the commit to read each one at: what the
 * Spark-free recommendation readers share.
 *
 * @param <C> the engine's commit handle (a Delta version, an Iceberg snapshot id)
 */
record PublishedCommits<C>(String table, List<Published<C>> publishes) {

    /** A publish and the commit that wrote it. */
    record Published<C>(PublishRecord record, C commit) { }

    List<PublishRecord> history() {
        return publishes.stream().map(Published::record).toList();
    }

    /** The commit of publish {@code version}; an unknown version is an error listing the known ones. */
    C commitOf(long version) {
        return publishes.stream().filter(p -> p.record().version() == version).map(Published::commit).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("table " + table + " has no publish version " + version
                        + "; it has " + history().stream().map(PublishRecord::version).toList()));
    }
}
