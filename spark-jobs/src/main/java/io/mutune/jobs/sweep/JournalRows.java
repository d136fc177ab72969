package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.jobs.exec.SegmentOutcome;
import java.time.Instant;
import java.util.Map;

/**
 * Builds the journal rows of one sweep: a segment's start, its end, and attempts that were lost.
 * Every row of a segment records the request that started it (bracket, resume_from, replicate), which
 * is what replay needs to ask the tuner the same again.
 */
final class JournalRows {
    private final String sweepId;
    private final String metric;
    private long nextSeq;

    JournalRows(String sweepId, String metric, long firstSeq) {
        this.sweepId = sweepId;
        this.metric = metric;
        this.nextSeq = firstSeq;
    }

    /** The row written before the task starts. */
    JournalRow running(Running r) {
        return row(r, TrialStatus.RUNNING, r.attempt(), r.request().fromResource(), Map.of(), null, null, null,
                r.segment().resumeFrom(), null, Instant.ofEpochMilli(r.askedAtMillis()), null);
    }

    /** The row of an ended segment. */
    JournalRow ended(Running r, int attempt, SegmentEnd end, SegmentOutcome o) {
        return row(r, end.status(), attempt, end.resource(), o.result() == null ? Map.of() : o.result().metrics(), end.curveJson(),
                o.executorId(), o.gpus().isEmpty() ? null : String.join(",", o.gpus()),
                o.result() == null ? null : o.result().checkpoint(), end.message(),
                Instant.ofEpochMilli(o.startedAtMillis()), Instant.ofEpochMilli(o.finishedAtMillis()));
    }

    /** An attempt that will never end: its executor was lost, or the driver that ran it died. */
    JournalRow stale(Running r, int attempt, String why) {
        return row(r, TrialStatus.STALE, attempt, r.request().fromResource(), Map.of(), null, null, null, null, why,
                null, Instant.now());
    }

    private JournalRow row(Running r, TrialStatus status, int attempt, long resource, Map<String, Double> metrics, String curve,
                           String executor, String gpu, String checkpoint, String message, Instant started, Instant finished) {
        Map<String, Double> scale = r.point().scale();
        return new JournalRow(sweepId, nextSeq++, r.point().key(),
                scale.get("width"), scale.get("depth"), scale.get("tokens"), scale.get("batch"),
                r.request().trialId(), r.request().number(), r.request().parentTrialId(), r.request().config().toJson(),
                r.request().fromResource(), r.request().toResource(), resource, metrics, curve, status, attempt,
                executor, gpu, checkpoint, r.segment().seed(), message, started, finished,
                r.request().bracket(), r.request().resumeFromTrialId(), r.request().replicate());
    }

    String metric() {
        return metric;
    }
}
