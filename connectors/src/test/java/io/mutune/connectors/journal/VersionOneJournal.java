package io.mutune.connectors.journal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.StructType;

/**
 * One sweep's journal as the version-1 driver wrote it, for the migration tests of every engine:
 * RUNNING rows with the note {@code ask bracket=B resume_from=T[ replicate=K]} in their message,
 * terminal and stale rows without one, the PBT parent in parent_trial on the exploit segment, and
 * a pair of rows from a driver older than the note. Beside each row, by hand, the bracket,
 * resume_from and replicate it must read back with.
 */
public final class VersionOneJournal {
    public static final String SWEEP = "v1-sweep";
    /** The version-1 columns, in their order. */
    public static final StructType COLUMNS = JournalSchema.TABLE.columnsAt(1);
    private static final Instant AT = Instant.parse("2026-03-04T05:06:07Z");
    private static final String T0 = "w64-t0000";
    private static final String T1 = "w64-t0001";
    private static final String T2 = "w64-t0002";

    private VersionOneJournal() { }

    /** A version-1 row and the request it must read back with. */
    public record Case(JournalRow written, int bracket, String resumeFrom, int replicate) {
        public JournalRow expected() {
            return written.withRequest(bracket, resumeFrom, replicate);
        }
    }

    public static List<Case> cases() {
        List<Case> c = new ArrayList<>();
        // A Hyperband trial in bracket 1, promoted from 10 to 30 from its own checkpoint.
        c.add(new Case(running(c, T0, 0, null, 0, 10, 101, 0, "ask bracket=1 resume_from=-"), 1, null, 0));
        c.add(new Case(ended(c, T0, 0, null, 0, 10, 101, 0, TrialStatus.COMPLETED, 1.5, null), 1, null, 0));
        c.add(new Case(running(c, T0, 0, null, 10, 30, 101, 0, "ask bracket=1 resume_from=" + T0), 1, T0, 0));
        // Its first replicate, an own seed from scratch to 30, beside the promotion over the same resources.
        c.add(new Case(running(c, T0, 0, null, 0, 30, 202, 0, "ask bracket=0 resume_from=- replicate=1"), 0, null, 1));
        c.add(new Case(ended(c, T0, 0, null, 10, 30, 101, 0, TrialStatus.COMPLETED, 1.25, null), 1, T0, 0));
        c.add(new Case(ended(c, T0, 0, null, 0, 30, 202, 0, TrialStatus.FAILED, Double.NaN, "exit 1: boom"), 0, null, 1));
        c.add(new Case(running(c, T0, 0, null, 0, 30, 202, 1, "ask bracket=0 resume_from=- replicate=1"), 0, null, 1));
        c.add(new Case(ended(c, T0, 0, null, 0, 30, 202, 1, TrialStatus.DIVERGED, Double.NaN, "val_loss is NaN"), 0, null, 1));
        // PBT: trial 1 exploits trial 0 at 10; its executor is lost.
        c.add(new Case(running(c, T1, 1, null, 0, 10, 303, 0, "ask bracket=0 resume_from=-"), 0, null, 0));
        c.add(new Case(ended(c, T1, 1, null, 0, 10, 303, 0, TrialStatus.COMPLETED, 2.0, null), 0, null, 0));
        c.add(new Case(running(c, T1, 1, T0, 10, 20, 303, 0, "ask bracket=0 resume_from=" + T0), 0, T0, 0));
        c.add(new Case(stale(c, T1, 1, T0, 10, 20, 303, 0, "executor 2 was lost"), 0, T0, 0));
        // A driver older than the note: no message; version 1's replay took bracket 0 and the trial's own checkpoint.
        c.add(new Case(running(c, T2, 2, null, 20, 30, 404, 0, null), 0, T2, 0));
        c.add(new Case(ended(c, T2, 2, null, 20, 30, 404, 0, TrialStatus.COMPLETED, 1.75, null), 0, T2, 0));
        // The second replicate, still running when the driver was killed.
        c.add(new Case(running(c, T0, 0, null, 0, 30, 505, 0, "ask bracket=0 resume_from=- replicate=2"), 0, null, 2));
        return c;
    }

    public static List<JournalRow> written() {
        return cases().stream().map(Case::written).toList();
    }

    public static List<JournalRow> expected() {
        return cases().stream().map(Case::expected).toList();
    }

    /** {@code r} as a version-1 Spark row: its version-1 columns only. */
    public static Row sparkRow(JournalRow r) {
        Row full = JournalSchema.toRow(r);
        return RowFactory.create(IntStream.range(0, COLUMNS.size()).mapToObj(full::get).toArray());
    }

    /** As version 1's JournalRows.running wrote it: the checkpoint it resumes from, no metrics, the note. */
    private static JournalRow running(List<Case> before, String trial, int number, String parent, long from, long to, long seed,
                                      int attempt, String note) {
        String checkpoint = from == 0 ? null : "file:/ck/" + SWEEP + "/" + (parent == null ? trial : parent) + "/ckpt-" + from + ".bin";
        return new JournalRow(SWEEP, before.size(), "width=64", 64.0, null, null, null, trial, number, parent, config(number),
                from, to, from, Map.of(), null, TrialStatus.RUNNING, attempt, null, null, checkpoint, seed, note,
                AT.plusSeconds(before.size()), null);
    }

    /** As version 1's JournalRows.ended wrote it: the result, where it ran, the end's message, no note. */
    private static JournalRow ended(List<Case> before, String trial, int number, String parent, long from, long to, long seed,
                                    int attempt, TrialStatus status, double loss, String message) {
        Map<String, Double> metrics = status == TrialStatus.FAILED ? Map.of() : Map.of("val_loss", loss);
        String curve = status == TrialStatus.FAILED ? null : "[[" + to + ",{\"val_loss\":" + (Double.isNaN(loss) ? "NaN" : loss) + "}]]";
        return new JournalRow(SWEEP, before.size(), "width=64", 64.0, null, null, null, trial, number, parent, config(number),
                from, to, to, metrics, curve, status, attempt, "1", "0", "file:/ck/" + SWEEP + "/" + trial + "/ckpt-" + to + ".bin", seed,
                message, AT.plusSeconds(before.size() - 1), AT.plusSeconds(before.size()));
    }

    /** As version 1's JournalRows.stale wrote it. */
    private static JournalRow stale(List<Case> before, String trial, int number, String parent, long from, long to, long seed,
                                    int attempt, String why) {
        return new JournalRow(SWEEP, before.size(), "width=64", 64.0, null, null, null, trial, number, parent, config(number),
                from, to, from, Map.of(), null, TrialStatus.STALE, attempt, null, null, null, seed, why, null, AT.plusSeconds(before.size()));
    }

    private static String config(int number) {
        return "{\"lr\":0.00" + (number + 1) + "}";
    }
}
