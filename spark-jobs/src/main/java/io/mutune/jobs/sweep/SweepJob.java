package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.jobs.exec.SegmentOutcome;
import io.mutune.jobs.exec.SegmentTask;
import io.mutune.jobs.exec.SparkSegmentExecutor;
import io.mutune.jobs.spec.SweepSpec;
import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The sweep driver: one tuner per scale point, their asks interleaved so every task slot stays
 * busy, each trial segment one asynchronous Spark job, every start and end journalled.
 */
public final class SweepJob {
    private final SweepSpec spec;
    private final String sweepId;
    private final JavaSparkContext jsc;
    private final TrialJournal journal;
    private final TrialRunner runner;
    private final PrintStream out;

    public SweepJob(SweepSpec spec, String sweepId, JavaSparkContext jsc, TrialJournal journal, TrialRunner runner, PrintStream out) {
        this.spec = spec;
        this.sweepId = sweepId;
        this.jsc = jsc;
        this.journal = journal;
        this.runner = runner;
        this.out = out;
    }

    /** A segment in flight and what the driver needs to journal and tell when it ends. */
    private record Running(ScalePointTuner point, TrialRequest request, TrialSegment segment, int attempt, Instant submittedAt) { }

    public SweepResult run() {
        long startNanos = System.nanoTime();
        List<ScalePointTuner> points = new ArrayList<>();
        List<Map<String, Double>> scalePoints = spec.scalePoints();
        for (int i = 0; i < scalePoints.size(); i++) {
            points.add(ScalePointTuner.create(spec, i, scalePoints.get(i)));
        }
        SparkSegmentExecutor executor = new SparkSegmentExecutor(jsc, sweepId, spec.resources().gpusPerTrial());
        ProgressPrinter progress = new ProgressPrinter(out, spec.search().metric(), spec.search().mode(), points.size());
        List<JournalRow> finished = new ArrayList<>();
        Map<CompletableFuture<SegmentOutcome>, Running> inFlight = new LinkedHashMap<>();
        long[] seq = {0};
        int nextPoint = 0;
        try (JournalWriter writer = new JournalWriter(journal)) {
            while (true) {
                // Fill every free slot, taking the scale points in turn so none starves.
                int idle = 0;
                while (inFlight.size() < slots() && idle < points.size()) {
                    ScalePointTuner point = points.get(nextPoint);
                    nextPoint = (nextPoint + 1) % points.size();
                    var request = point.tuner().ask();
                    if (request.isEmpty()) {
                        idle++;
                        continue;
                    }
                    idle = 0;
                    TrialSegment segment = segmentFor(point, request.get());
                    Running r = new Running(point, request.get(), segment, 0, Instant.now());
                    writer.write(rows(r, seq[0]++, TrialStatus.RUNNING, null));
                    inFlight.put(executor.submit(new SegmentTask(segment, runner, 0)), r);
                }
                if (inFlight.isEmpty()) {
                    break;
                }
                CompletableFuture.anyOf(inFlight.keySet().toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
                for (var it = inFlight.entrySet().iterator(); it.hasNext(); ) {
                    var e = it.next();
                    if (!e.getKey().isDone()) {
                        continue;
                    }
                    it.remove();
                    Running r = e.getValue();
                    SegmentOutcome outcome = outcomeOf(e.getKey(), r);
                    SegmentEnd end = SegmentEnd.of(outcome, spec.search().metric());
                    if (end.status() == TrialStatus.FAILED && r.attempt() < spec.resources().maxRetries()) {
                        writer.write(rows(r, seq[0]++, TrialStatus.FAILED, outcome));
                        Running retry = new Running(r.point(), r.request(), r.segment(), r.attempt() + 1, Instant.now());
                        writer.write(rows(retry, seq[0]++, TrialStatus.RUNNING, null));
                        inFlight.put(executor.submit(new SegmentTask(r.segment(), runner, retry.attempt())), retry);
                        continue;
                    }
                    JournalRow row = rows(r, seq[0]++, end.status(), outcome);
                    writer.write(row);
                    finished.add(row);
                    r.point().tuner().tell(new TrialReport(r.request().trialId(), end.resource(), end.metric(), end.outcome(), end.message()));
                    progress.segmentEnded(r.point().key(), row);
                }
            }
            writer.flush();
            double wall = (System.nanoTime() - startNanos) / 1e9;
            return new SweepResult(sweepId, finished, journal.location(), writer.commits(), wall);
        } catch (RuntimeException e) {
            executor.cancelAll();
            throw e;
        }
    }

    private int slots() {
        return Math.max(1, jsc.sc().defaultParallelism());
    }

    private TrialSegment segmentFor(ScalePointTuner point, TrialRequest request) {
        long trialSeed = TrialSeeds.forTrial(spec.seed(), request.trialId());
        return new TrialSegment(request.trialId(), request.config(), point.scale(), request.fromResource(), request.toResource(),
                null, null, trialSeed);
    }

    private SegmentOutcome outcomeOf(CompletableFuture<SegmentOutcome> f, Running r) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException e) {
            long now = System.currentTimeMillis();
            return new SegmentOutcome(null, "Spark could not run the task: " + e.getCause(), null, null, List.of(), now, now);
        }
    }

    private JournalRow rows(Running r, long seq, TrialStatus status, SegmentOutcome outcome) {
        Map<String, Double> scale = r.point().scale();
        boolean ended = outcome != null;
        SegmentEnd end = ended ? SegmentEnd.of(outcome, spec.search().metric()) : null;
        return new JournalRow(sweepId, seq, r.point().key(),
                scale.get("width"), scale.get("depth"), scale.get("tokens"), scale.get("batch"),
                r.request().trialId(), r.request().number(), null, r.request().config().toJson(),
                r.request().fromResource(), r.request().toResource(),
                ended ? end.resource() : r.request().fromResource(),
                ended && outcome.result() != null ? outcome.result().metrics() : Map.of(),
                ended ? end.curveJson() : null,
                status, r.attempt(),
                ended ? outcome.executorId() : null,
                ended && !outcome.gpus().isEmpty() ? String.join(",", outcome.gpus()) : null,
                ended && outcome.result() != null ? outcome.result().checkpoint() : null,
                r.segment().seed(),
                ended ? end.message() : null,
                ended ? Instant.ofEpochMilli(outcome.startedAtMillis()) : r.submittedAt(),
                ended ? Instant.ofEpochMilli(outcome.finishedAtMillis()) : null);
    }
}
