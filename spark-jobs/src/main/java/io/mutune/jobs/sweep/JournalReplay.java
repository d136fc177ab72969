package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.JournalV1Rows;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.TunerEvent;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a sweep's journal back into each scale point's tuner events: a RUNNING row that starts a
 * segment is an ASK, the row that ends it a TELL. Rows that the driver wrote without telling its
 * tuner are skipped: a FAILED row followed by a retry of the same segment, a STALE row, and the
 * RUNNING row of a retry. Segments still open at the end are what a killed driver left running.
 */
final class JournalReplay {
    private final Map<String, List<TunerEvent>> events = new LinkedHashMap<>();
    private final Map<String, OpenSegment> open = new LinkedHashMap<>();
    private long nextSeq;

    private JournalReplay() { }

    /**
     * @param written one sweep's rows in seq order; rows without the request columns (written by a
     *             version-1 driver) are read by their notes (JournalV1Rows)
     */
    static JournalReplay of(List<JournalRow> written, String metric) {
        List<JournalRow> rows = JournalV1Rows.recover(written);
        JournalReplay r = new JournalReplay();
        Map<String, Integer> lastRetryAttempt = retries(rows);
        for (JournalRow row : rows) {
            r.nextSeq = Math.max(r.nextSeq, row.seq() + 1);
            r.apply(row, metric, lastRetryAttempt);
        }
        return r;
    }

    /** For each started segment, the highest attempt a RUNNING row shows. */
    private static Map<String, Integer> retries(List<JournalRow> rows) {
        Map<String, Integer> last = new HashMap<>();
        for (JournalRow row : rows) {
            if (row.status() == TrialStatus.RUNNING) {
                last.merge(segmentKey(row), row.attempt(), Math::max);
            }
        }
        return last;
    }

    private void apply(JournalRow row, String metric, Map<String, Integer> lastRetryAttempt) {
        // A trial's seed replicates run side by side over the same resources; their seeds tell them apart.
        String runKey = runKey(row);
        OpenSegment current = open.get(runKey);
        boolean sameSegment = current != null && current.request().fromResource() == row.fromResource()
                && current.request().toResource() == row.targetResource();
        if (row.status() == TrialStatus.RUNNING || row.status() == TrialStatus.PENDING) {
            if (sameSegment) {
                open.put(runKey, current.withAttempt(row.attempt()));
                return;
            }
            TrialRequest request = requestOf(row);
            events.computeIfAbsent(row.scaleKey(), k -> new ArrayList<>()).add(TunerEvent.ask(request));
            open.put(runKey, new OpenSegment(row.scaleKey(), request, row.attempt(), 0));
            return;
        }
        if (!sameSegment || row.status() == TrialStatus.STALE) {
            return;
        }
        boolean retried = row.status() == TrialStatus.FAILED && lastRetryAttempt.getOrDefault(segmentKey(row), -1) > row.attempt();
        if (retried) {
            open.put(runKey, current.withFailure());
            return;
        }
        open.remove(runKey);
        events.get(row.scaleKey()).add(TunerEvent.tell(reportOf(row, metric, current.request().replicate()), row.number()));
    }

    private static TrialRequest requestOf(JournalRow row) {
        return new TrialRequest(row.trialId(), row.number(), Configuration.fromJson(row.configJson()), row.fromResource(),
                row.targetResource(), row.resumeFrom(), row.replicate() > 0 ? null : row.parentTrial(), row.bracket(),
                row.replicate());
    }

    /** The report the driver told when it wrote this terminal row (see SegmentEnd). */
    static TrialReport reportOf(JournalRow row, String metric) {
        return reportOf(row, metric, 0);
    }

    static TrialReport reportOf(JournalRow row, String metric, int replicate) {
        TrialReport.Outcome outcome = switch (row.status()) {
            case COMPLETED -> TrialReport.Outcome.COMPLETED;
            case DIVERGED -> TrialReport.Outcome.DIVERGED;
            default -> TrialReport.Outcome.FAILED;
        };
        double value = outcome == TrialReport.Outcome.FAILED ? Double.NaN : row.metrics().getOrDefault(metric, Double.NaN);
        return new TrialReport(row.trialId(), row.resource(), value, outcome, row.message(), replicate);
    }

    private static String segmentKey(JournalRow row) {
        return runKey(row) + "@" + row.fromResource() + "->" + row.targetResource();
    }

    /** One run of a trial: the trial and its seed (each replicate has its own). */
    private static String runKey(JournalRow row) {
        return row.trialId() + "#" + row.seed();
    }

    /** The events of one scale point, in journal order; empty when it has none. */
    List<TunerEvent> events(String scaleKey) {
        return events.getOrDefault(scaleKey, List.of());
    }

    /** Segments started and never ended, in the order they started. */
    List<OpenSegment> open() {
        return List.copyOf(open.values());
    }

    /** The seq the next row gets: one past the highest in the journal. */
    long nextSeq() {
        return nextSeq;
    }
}
