package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.jobs.faults.OneLine;
import io.mutune.jobs.spec.SweepSpec;
import java.util.function.Supplier;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * What a sweep checks before its first trial: both tables open (and are mutune tables of the
 * right kind) and exist, created now if they are new, and the checkpoint and write-ahead log
 * folders can be written. A failure is one line naming the spec field and the location, e.g.
 * {@code output.trials: cannot create delta:/proc/mutune/trials: ...}; no trial has started.
 */
public final class SweepPreflight {
    private SweepPreflight() { }

    /** The sweep's two tables, open, checked and created. */
    public record SweepTables(TrialJournal journal, RecommendationTable recommendations) { }

    /** Opens and creates the spec's tables and checks its folders; throws {@link IllegalArgumentException} naming the field. */
    // synchronized: sweeps started side by side in one application would race to create one table
    public static synchronized SweepTables check(SparkSession spark, SweepSpec spec, String sweepId, Configuration hadoop) {
        String trials = spec.output().trials();
        String recs = spec.output().recommendations();
        TrialJournal journal = step("output.trials", "open", trials, () -> Tables.journal(spark, trials));
        step("output.trials", "create", trials, () -> {
            journal.createIfAbsent();
            return journal;
        });
        RecommendationTable table = step("output.recommendations", "open", recs, () -> Tables.recommendations(spark, recs));
        step("output.recommendations", "create", recs, () -> {
            table.createIfAbsent();
            return table;
        });
        new SweepFiles(spec.output().checkpoints(), sweepId, hadoop).requireWritable();
        return new SweepTables(journal, table);
    }

    private static <T> T step(String field, String verb, String uri, Supplier<T> work) {
        try {
            return work.get();
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(field) ? e : new IllegalArgumentException(field + ": " + e.getMessage(), e);
        } catch (Exception e) {
            // Exception, not RuntimeException: Delta throws checked IOExceptions from Scala.
            throw new IllegalArgumentException(field + ": cannot " + verb + " " + uri + ": " + OneLine.of(e), e);
        }
    }
}
