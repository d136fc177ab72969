package io.mutune.connectors.journal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills in bracket, resume_from and replicate on journal rows written without those columns: every
 * row of a schema-version-1 table, and rows that a version-1 driver appended or logged to its
 * write-ahead log. Such a driver kept them in the message of each RUNNING row, as
 * {@code ask bracket=2 resume_from=w64-t0003 replicate=1} ({@code -} for no checkpoint, no
 * {@code replicate=} for replicate 0); its terminal and stale rows carried none.
 *
 * <ul>
 *   <li>A RUNNING or PENDING row takes the values of its own note.</li>
 *   <li>Any other row takes those of its segment's latest start before it: the same sweep, trial,
 *       seed (each replicate has its own), from and target resource, as a version-2 driver writes
 *       them on every row of a segment.</li>
 *   <li>A row with neither (a driver older than the note) gets what version 1's replay assumed:
 *       bracket 0, replicate 0, and a checkpoint of none for a fresh start, else the PBT parent's,
 *       else the trial's own.</li>
 * </ul>
 *
 * Rows that record the columns are kept as they are, so the recovery can be applied to any mix of
 * rows, and more than once. The message is kept as written.
 */
public final class JournalV1Rows {
    private static final Pattern NOTE = Pattern.compile("ask bracket=(-?\\d+) resume_from=(\\S+)(?: replicate=(\\d+))?");

    private JournalV1Rows() { }

    /** A row's bracket, resume_from and replicate, recorded or recovered. */
    public record Request(int bracket, String resumeFrom, int replicate) { }

    /**
     * What the recovery reads of one row: where the row's segment is, its note, and its request
     * columns if it records them ({@code recorded}, else null).
     */
    public record RowFacts(String sweepId, long seq, String trialId, long seed, long fromResource, long targetResource,
                           TrialStatus status, String message, String parentTrial, Request recorded) { }

    /** {@code rows} (any sweeps, any order) with the request columns filled in where they were missing, in the same order. */
    public static List<JournalRow> recover(List<JournalRow> rows) {
        if (rows.stream().allMatch(JournalRow::hasRequestColumns)) {
            return rows;
        }
        List<Request> requests = requests(rows.stream().map(JournalV1Rows::facts).toList());
        List<JournalRow> out = new ArrayList<>(rows.size());
        for (int i = 0; i < rows.size(); i++) {
            JournalRow row = rows.get(i);
            Request r = requests.get(i);
            out.add(row.hasRequestColumns() ? row : row.withRequest(r.bracket(), r.resumeFrom(), r.replicate()));
        }
        return out;
    }

    /** The request of each row of {@code rows} (any sweeps, any order), in the same order. */
    public static List<Request> requests(List<RowFacts> rows) {
        Integer[] order = new Integer[rows.size()];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, Comparator.<Integer, String>comparing(i -> rows.get(i).sweepId()).thenComparingLong(i -> rows.get(i).seq()));
        Request[] out = new Request[rows.size()];
        Map<String, Request> started = new HashMap<>();
        for (int i : order) {
            RowFacts row = rows.get(i);
            boolean start = row.status() == TrialStatus.RUNNING || row.status() == TrialStatus.PENDING;
            Request r = row.recorded() != null ? row.recorded()
                    : start ? fromNote(row) : started.getOrDefault(segment(row), assumed(row));
            if (start) {
                started.put(segment(row), r);
            }
            out[i] = r;
        }
        return List.of(out);
    }

    private static RowFacts facts(JournalRow r) {
        Request recorded = r.hasRequestColumns() ? new Request(r.bracket(), r.resumeFrom(), r.replicate()) : null;
        return new RowFacts(r.sweepId(), r.seq(), r.trialId(), r.seed(), r.fromResource(), r.targetResource(), r.status(),
                r.message(), r.parentTrial(), recorded);
    }

    private static Request fromNote(RowFacts row) {
        Matcher m = row.message() == null ? null : NOTE.matcher(row.message());
        if (m == null || !m.matches()) {
            return assumed(row);
        }
        return new Request(Integer.parseInt(m.group(1)), m.group(2).equals("-") ? null : m.group(2),
                m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    private static Request assumed(RowFacts row) {
        String resume = row.fromResource() == 0 ? null : row.parentTrial() != null ? row.parentTrial() : row.trialId();
        return new Request(0, resume, 0);
    }

    private static String segment(RowFacts row) {
        return row.sweepId() + "\u0000" + row.trialId() + "\u0000" + row.seed() + "\u0000" + row.fromResource() + "\u0000" + row.targetResource();
    }
}
