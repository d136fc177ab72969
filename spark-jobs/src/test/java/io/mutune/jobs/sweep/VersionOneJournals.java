package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.JournalSchema;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.table.DeltaTables;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructType;

/**
 * Journals as the version-1 driver wrote them, made from rows this driver wrote: the same rows
 * without bracket, resume_from and replicate, which a RUNNING row carried in its message instead
 * ({@code ask bracket=2 resume_from=w64-t0003 replicate=1}, version 1's AskNote), in a Delta table
 * of version 1's columns and schema version.
 */
public final class VersionOneJournals {
    /** The version-1 columns, in their order. */
    public static final StructType COLUMNS = JournalSchema.TABLE.columnsAt(1);

    private VersionOneJournals() { }

    /** {@code r} as the version-1 driver wrote it. */
    public static JournalRow asWrittenByVersionOne(JournalRow r) {
        String message = r.status() == TrialStatus.RUNNING
                ? "ask bracket=" + r.bracket() + " resume_from=" + (r.resumeFrom() == null ? "-" : r.resumeFrom())
                        + (r.replicate() == 0 ? "" : " replicate=" + r.replicate())
                : r.message();
        return new JournalRow(r.sweepId(), r.seq(), r.scaleKey(), r.width(), r.depth(), r.tokens(), r.batch(), r.trialId(), r.number(),
                r.parentTrial(), r.configJson(), r.fromResource(), r.targetResource(), r.resource(), r.metrics(), r.curveJson(),
                r.status(), r.attempt(), r.executor(), r.gpu(), r.checkpoint(), r.seed(), message, r.startedAt(), r.finishedAt());
    }

    /** A new Delta journal at {@code path} as version 1's DeltaTrialJournal made it, holding {@code rows} as that driver wrote them. */
    public static void writeDelta(SparkSession spark, String path, List<JournalRow> rows) {
        DeltaTables.createIfAbsent(spark, path, COLUMNS, JournalSchema.VERSION_PROPERTY, 1);
        List<Row> v1 = rows.stream().map(VersionOneJournals::asWrittenByVersionOne).map(r -> {
            Row full = JournalSchema.toRow(r);
            return RowFactory.create(IntStream.range(0, COLUMNS.size()).mapToObj(full::get).toArray());
        }).toList();
        spark.createDataFrame(v1, COLUMNS).write().format("delta").mode("append").save(path);
    }
}
