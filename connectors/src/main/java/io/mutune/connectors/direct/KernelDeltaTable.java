package io.mutune.connectors.direct;

import io.delta.kernel.Scan;
import io.delta.kernel.Snapshot;
import io.delta.kernel.TableManager;
import io.delta.kernel.data.ColumnarBatch;
import io.delta.kernel.data.FilteredColumnarBatch;
import io.delta.kernel.data.Row;
import io.delta.kernel.defaults.engine.DefaultEngine;
import io.delta.kernel.engine.Engine;
import io.delta.kernel.engine.FileReadResult;
import io.delta.kernel.exceptions.TableNotFoundException;
import io.delta.kernel.internal.InternalScanFileUtils;
import io.delta.kernel.internal.data.ScanStateRow;
import io.delta.kernel.internal.util.Utils;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructType;
import io.delta.kernel.utils.CloseableIterator;
import io.delta.kernel.utils.FileStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.hadoop.conf.Configuration;

/**
 * A Delta table read with Delta Kernel on the calling thread: no Spark session, no cluster, so a
 * launcher reads a few hundred rows in well under a second. Reads the latest snapshot or a
 * version (time travel), and the commits' user metadata, where publishes record themselves.
 */
public final class KernelDeltaTable {
    private static final StructType COMMIT_INFO = new StructType().add("commitInfo", new StructType().add("userMetadata", StringType.STRING));
    private final Engine engine = DefaultEngine.create(new Configuration());
    private final String path;

    /** @param path the table's folder: a local path or a Hadoop URI */
    public KernelDeltaTable(String path) {
        this.path = path;
    }

    /** One commit of the table's log. */
    public record Commit(long version, Instant at, String userMetadata) { }

    /** Whether the folder holds a Delta table. */
    public boolean exists() {
        try {
            TableManager.loadSnapshot(path).build(engine);
            return true;
        } catch (TableNotFoundException e) {
            return false;
        }
    }

    /** The newest version's table properties (where mutune stores its schema version). */
    public Map<String, String> properties() {
        return TableManager.loadSnapshot(path).build(engine).getTableProperties();
    }

    /** Every row of the newest version, or of {@code version} when given, as columns by name. */
    public List<Map<String, Object>> rows(Optional<Long> version) {
        Snapshot snapshot = version.map(v -> TableManager.loadSnapshot(path).atVersion(v)).orElse(TableManager.loadSnapshot(path)).build(engine);
        Scan scan = snapshot.getScanBuilder().build();
        Row scanState = scan.getScanState(engine);
        StructType physical = ScanStateRow.getPhysicalDataReadSchema(scanState);
        List<Map<String, Object>> out = new ArrayList<>();
        try (CloseableIterator<FilteredColumnarBatch> files = scan.getScanFiles(engine)) {
            while (files.hasNext()) {
                try (CloseableIterator<Row> scanFiles = files.next().getRows()) {
                    while (scanFiles.hasNext()) {
                        readFile(scanState, scanFiles.next(), physical, out);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read Delta table " + path, e);
        }
        return out;
    }

    private void readFile(Row scanState, Row scanFile, StructType physical, List<Map<String, Object>> out) throws IOException {
        FileStatus file = InternalScanFileUtils.getAddFileStatus(scanFile);
        CloseableIterator<ColumnarBatch> data = engine.getParquetHandler()
                .readParquetFiles(Utils.singletonCloseableIterator(file), physical, Optional.empty()).map(FileReadResult::getData);
        // Applies deletion vectors and adds partition columns: the logical rows, as Spark would read them.
        try (CloseableIterator<FilteredColumnarBatch> logical = Scan.transformPhysicalData(engine, scanState, scanFile, data)) {
            while (logical.hasNext()) {
                try (CloseableIterator<Row> rows = logical.next().getRows()) {
                    while (rows.hasNext()) {
                        out.add(KernelValues.columns(rows.next()));
                    }
                }
            }
        }
    }

    /**
     * The commits whose JSON files the log still holds (Delta keeps them for its log retention,
     * 30 days by default, as Spark's {@code DESCRIBE HISTORY} does), oldest first.
     */
    public List<Commit> commits() {
        List<FileStatus> jsons = new ArrayList<>();
        try (CloseableIterator<FileStatus> listed = engine.getFileSystemClient().listFrom(path + "/_delta_log/" + "0".repeat(20) + ".json")) {
            while (listed.hasNext()) {
                FileStatus f = listed.next();
                if (f.getPath().matches(".*/\\d{20}\\.json$")) {
                    jsons.add(f);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the log of Delta table " + path, e);
        }
        List<Commit> out = new ArrayList<>();
        for (FileStatus f : jsons) {
            String name = f.getPath().substring(f.getPath().lastIndexOf('/') + 1);
            out.add(commit(f, Long.parseLong(name.substring(0, 20))));
        }
        return out;
    }

    private Commit commit(FileStatus file, long version) {
        // The commit file's time, as Delta's own history gives it (commitInfo's timestamp is the writer's clock, earlier).
        Instant at = Instant.ofEpochMilli(file.getModificationTime());
        try (CloseableIterator<ColumnarBatch> batches = engine.getJsonHandler()
                .readJsonFiles(Utils.singletonCloseableIterator(file), COMMIT_INFO, Optional.empty())) {
            while (batches.hasNext()) {
                try (CloseableIterator<Row> rows = batches.next().getRows()) {
                    while (rows.hasNext()) {
                        Row r = rows.next();
                        if (!r.isNullAt(0)) {
                            Row info = r.getStruct(0);
                            return new Commit(version, at, info.isNullAt(0) ? null : info.getString(0));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read commit " + version + " of Delta table " + path, e);
        }
        return new Commit(version, at, null);
    }

    public String path() {
        return path;
    }
}
