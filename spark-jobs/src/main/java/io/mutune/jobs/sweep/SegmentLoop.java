package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.jobs.faults.DriverStop;
import io.mutune.jobs.exec.RunnerEnding;
import io.mutune.jobs.exec.SegmentOutcome;
import io.mutune.jobs.exec.SegmentTask;
import io.mutune.jobs.exec.SlotCount;
import io.mutune.jobs.exec.SparkSegmentExecutor;
import io.mutune.jobs.spec.SweepSpec;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * The driver's loop: keep as many segments in flight as the cluster has slots now (plus a few queued
 * per executor, so a freed slot never waits for the driver), asking the
 * scale points' tuners in turn; journal each start durably before its task is submitted (one log
 * flush for all the starts of a round); journal, retry or tell each segment as it ends. It waits on
 * the {@link DriverStop} beside the running segments, so a failing journal stops it at once.
 */
final class SegmentLoop {
    /** How long a new application waits for its first executor before asking anyway (Spark then queues the tasks). */
    static final long FIRST_EXECUTOR_WAIT_MS = 120_000;
    private final SweepSpec spec;
    private final TrialRunner runner;
    private final SparkSegmentExecutor executor;
    private final SlotCount slots;
    private final JournalSink sink;
    private final JournalRows rows;
    private final SweepProgress progress;
    private final List<JournalRow> finished;
    private final DriverStop stop;
    private final Map<CompletableFuture<SegmentOutcome>, Submitted> inFlight = new LinkedHashMap<>();
    private final List<Running> toStart = new ArrayList<>();
    private final List<SegmentTiming> timings = new ArrayList<>();
    private int nextPoint;
    private int peakSlots;

    SegmentLoop(SweepSpec spec, TrialRunner runner, SparkSegmentExecutor executor, SlotCount slots, JournalSink sink,
                JournalRows rows, SweepProgress progress, List<JournalRow> finished, DriverStop stop) {
        this.spec = spec;
        this.runner = runner;
        this.executor = executor;
        this.slots = slots;
        this.sink = sink;
        this.rows = rows;
        this.progress = progress;
        this.finished = finished;
        this.stop = stop;
    }

    /** A segment a dead driver left running: journal it as stale and run it again, one attempt later. */
    void reap(Running stale) {
        sink.write(List.of(rows.stale(stale, stale.attempt(), "the driver running it stopped; re-run by a resumed driver")));
        toStart.add(stale.again(stale.attempt() + 1, stale.failures()));
    }

    /** Runs until every tuner has nothing left to hand out and nothing is in flight; returns the timings. */
    List<SegmentTiming> run(List<ScalePointTuner> points, BiFunction<ScalePointTuner, TrialRequest, TrialSegment> segments) {
        slots.awaitFirstExecutor(FIRST_EXECUTOR_WAIT_MS);
        while (true) {
            stop.throwIfStopped();
            fill(points, segments);
            startAll();
            if (inFlight.isEmpty()) {
                break;
            }
            List<CompletableFuture<?>> waits = new ArrayList<>(inFlight.keySet());
            waits.add(stop.signal());
            CompletableFuture.anyOf(waits.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
            stop.throwIfStopped();
            for (Iterator<Map.Entry<CompletableFuture<SegmentOutcome>, Submitted>> it = inFlight.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<CompletableFuture<SegmentOutcome>, Submitted> e = it.next();
                if (e.getKey().isDone()) {
                    it.remove();
                    ended(e.getValue(), SweepJob.outcomeOf(e.getKey()));
                }
            }
        }
        sink.commitAll();
        return timings;
    }

    /**
     * Asks the tuners in turn, so no scale point starves, until every slot has a segment and each
     * executor has {@code queue_ahead} more waiting in Spark's queue. Each tuner is asked for its
     * share of the free slots at once: a GP proposes them from one fit instead of one fit per slot.
     */
    private void fill(List<ScalePointTuner> points, BiFunction<ScalePointTuner, TrialRequest, TrialSegment> segments) {
        int idle = 0;
        int capacity = slots.window(spec.resources().queueAhead());
        peakSlots = Math.max(peakSlots, slots.now());
        while (inFlight.size() + toStart.size() < capacity && idle < points.size()) {
            ScalePointTuner point = points.get(nextPoint);
            nextPoint = (nextPoint + 1) % points.size();
            int free = capacity - inFlight.size() - toStart.size();
            List<TrialRequest> asked = point.tuner().ask(Math.max(1, (free + points.size() - 1) / points.size()));
            if (asked.isEmpty()) {
                idle++;
                continue;
            }
            idle = 0;
            long now = System.currentTimeMillis();
            for (TrialRequest request : asked) {
                toStart.add(new Running(point, request, segments.apply(point, request), 0, 0, now));
            }
        }
    }

    /** The most trial slots the cluster offered while this loop ran. */
    int peakSlots() {
        return peakSlots;
    }

    /** Journals every pending start, makes the rows durable once, then submits the tasks. */
    private void startAll() {
        if (toStart.isEmpty()) {
            return;
        }
        List<JournalRow> starts = new ArrayList<>();
        for (Running r : toStart) {
            starts.add(rows.running(r));
        }
        sink.write(starts);
        sink.makeDurable();
        for (Running r : toStart) {
            SegmentTask task = new SegmentTask(r.segment(), runner, r.attempt(), spec.resources().trialTimeoutSeconds());
            inFlight.put(executor.submit(task), new Submitted(r, System.currentTimeMillis()));
        }
        toStart.clear();
    }

    private void ended(Submitted submitted, SegmentOutcome outcome) {
        Running r = submitted.running();
        List<JournalRow> out = new ArrayList<>();
        // Attempts Spark re-ran after losing their executor never ended on their own: journal them as stale.
        for (int lost = 0; lost < outcome.sparkAttempt(); lost++) {
            out.add(rows.stale(r, r.attempt() + lost, "its executor was lost; Spark re-ran the segment"));
        }
        int attempt = r.attempt() + outcome.sparkAttempt();
        SegmentEnd end = SegmentEnd.of(outcome, spec.search().metric());
        JournalRow row = rows.ended(r, attempt, end, outcome);
        out.add(row);
        sink.write(out);
        if (outcome.ending() != RunnerEnding.SPARK_FAILED) {
            timings.add(new SegmentTiming(r.request().trialId(), r.askedAtMillis(), submitted.atMillis(), outcome.startedAtMillis(), outcome.finishedAtMillis()));
        }
        if (end.status() == TrialStatus.FAILED && r.failures() < spec.resources().maxRetries()) {
            toStart.add(r.again(attempt + 1, r.failures() + 1));
            return;
        }
        finished.add(row);
        r.point().tuner().tell(TrialReport.of(r.request(), end.resource(), end.metric(), end.outcome(), end.message()));
        progress.segmentEnded(r.point().key(), row, inFlight.size());
    }

    /** A segment handed to Spark, and when: the end of the driver's share of its scheduling overhead. */
    private record Submitted(Running running, long atMillis) {
    }
}
