package io.mutune.connectors.direct;

import io.mutune.connectors.iceberg.IcebergLocation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;
import org.apache.iceberg.Snapshot;
import org.apache.iceberg.Table;
import org.apache.iceberg.catalog.TableIdentifier;
import org.apache.iceberg.data.IcebergGenerics;
import org.apache.iceberg.data.Record;
import org.apache.iceberg.hadoop.HadoopCatalog;
import org.apache.iceberg.io.CloseableIterable;
import org.apache.iceberg.types.Types;

/**
 * An Iceberg table in a Hadoop catalog, read with Iceberg's core Java API on the calling thread:
 * no Spark session. Reads the current snapshot or a given one, and the snapshots' summaries,
 * where publishes record themselves.
 */
public final class IcebergCoreTable {
    private final IcebergLocation at;
    private final TableIdentifier id;
    private final HadoopCatalog catalog;

    public IcebergCoreTable(IcebergLocation at) {
        this.at = at;
        this.id = TableIdentifier.of(at.namespace(), at.table());
        this.catalog = new HadoopCatalog(new Configuration(), at.warehouse());
    }

    /** One snapshot: its id, commit time and summary. */
    public record SnapshotInfo(long id, Instant at, Map<String, String> summary) { }

    public boolean exists() {
        return catalog.tableExists(id);
    }

    private Table table() {
        return catalog.loadTable(id);
    }

    /** The table's properties (where mutune stores its schema version). */
    public Map<String, String> properties() {
        return table().properties();
    }

    /** Every row of the current snapshot, or of {@code snapshotId} when given, as columns by name. */
    public List<Map<String, Object>> rows(Optional<Long> snapshotId) {
        Table t = table();
        IcebergGenerics.ScanBuilder scan = IcebergGenerics.read(t);
        if (snapshotId.isPresent()) {
            scan = scan.useSnapshot(snapshotId.get());
        }
        List<Types.NestedField> fields = t.schema().columns();
        List<Map<String, Object>> out = new ArrayList<>();
        try (CloseableIterable<Record> records = scan.build()) {
            for (Record r : records) {
                Map<String, Object> row = new LinkedHashMap<>();
                for (Types.NestedField f : fields) {
                    row.put(f.name(), plain(r.getField(f.name())));
                }
                out.add(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Iceberg table " + at, e);
        }
        return out;
    }

    /** Every snapshot, oldest first. */
    public List<SnapshotInfo> snapshots() {
        List<SnapshotInfo> out = new ArrayList<>();
        for (Snapshot s : table().snapshots()) {
            out.add(new SnapshotInfo(s.snapshotId(), Instant.ofEpochMilli(s.timestampMillis()), s.summary()));
        }
        return out;
    }

    /** Iceberg's generic values as the other readers give them: strings, boxes, maps, instants. */
    private static Object plain(Object v) {
        if (v instanceof CharSequence s) {
            return s.toString();
        } else if (v instanceof OffsetDateTime t) {
            return t.toInstant();
        } else if (v instanceof LocalDateTime t) {
            return t.toInstant(ZoneOffset.UTC);
        } else if (v instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, x) -> out.put(String.valueOf(k), plain(x)));
            return out;
        }
        return v;
    }

    public String location() {
        return at.toString();
    }
}
