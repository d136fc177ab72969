package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.jobs.exec.SegmentOutcome;
import io.mutune.jobs.exec.SlotCount;
import io.mutune.jobs.exec.SparkSegmentExecutor;
import io.mutune.jobs.exec.SweepPools;
import io.mutune.jobs.faults.BoundedRetry;
import io.mutune.jobs.faults.DriverStop;
import io.mutune.jobs.spec.SweepSpec;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.spark.api.java.JavaSparkContext;

/**
 * The sweep driver: one tuner per scale point, their asks interleaved so every task slot stays
 * busy, each trial segment one asynchronous Spark job. Every row is written to the write-ahead log
 * (flushed before any task it announces starts) and committed to the journal table in batches.
 * A resumed run first replays the journal into the tuners and re-runs what the dead driver left
 * running, under the same trial ids, configs and seeds. If the driver's own I/O fails mid-sweep, the
 * sweep stops at once with every row kept ({@link SweepStops}).
 */
public final class SweepJob {
    private final SweepSpec spec;
    private final String sweepId;
    private final JavaSparkContext jsc;
    private final TrialJournal journal;
    private final TrialRunner runner;
    private final SweepFiles files;
    private final SweepProgress progress;
    private final PrintStream out;

    public SweepJob(SweepSpec spec, String sweepId, JavaSparkContext jsc, TrialJournal journal, TrialRunner runner, PrintStream out) {
        this(spec, sweepId, jsc, journal, runner, out, System.console() != null);
    }

    /**
     * @param progressBar a live bar on the terminal; false prints one line per segment (a log, or
     *                    several sweeps sharing one console)
     */
    public SweepJob(SweepSpec spec, String sweepId, JavaSparkContext jsc, TrialJournal journal, TrialRunner runner, PrintStream out,
                    boolean progressBar) {
        this.out = out;
        this.spec = spec;
        this.sweepId = sweepId;
        this.jsc = jsc;
        this.journal = journal;
        this.runner = runner;
        this.files = new SweepFiles(spec.output().checkpoints(), sweepId, jsc.hadoopConfiguration());
        this.progress = SweepProgress.forConsole(out, spec.search().metric(), spec.search().mode(),
                spec.scalePoints().size() * spec.search().trialsPerScale(), progressBar);
    }

    /** Runs a new sweep. */
    public SweepResult run() {
        return run(List.of());
    }

    /**
     * Runs the sweep from what its journal already holds (nothing for a new sweep).
     *
     * @param previous the sweep's rows so far, in seq order: the table's and the write-ahead log's
     */
    public SweepResult run(List<JournalRow> previous) {
        long startNanos = System.nanoTime();
        Map<String, ScalePointTuner> points = new LinkedHashMap<>();
        List<Map<String, Double>> scalePoints = spec.scalePoints();
        for (int i = 0; i < scalePoints.size(); i++) {
            ScalePointTuner p = ScalePointTuner.create(spec, i, scalePoints.get(i));
            points.put(p.key(), p);
        }
        JournalReplay replay = JournalReplay.of(previous, spec.search().metric());
        points.values().forEach(p -> p.tuner().replay(replay.events(p.key())));
        List<Running> stale = leftRunning(replay, points);
        List<JournalRow> finished = new ArrayList<>(previous.stream()
                .filter(r -> r.status().isTerminal() && r.status() != TrialStatus.STALE).toList());
        progress.resumedWith(finished);
        DriverStop stop = new DriverStop();
        SparkSegmentExecutor executor = new SparkSegmentExecutor(jsc, sweepId, spec.resources().gpusPerTrial(), pool());
        JournalRows rows = new JournalRows(sweepId, spec.search().metric(), replay.nextSeq());
        WriteAheadLog wal = WriteAheadLog.open(files);
        JournalWriter writer = new JournalWriter(journal, stop, BoundedRetry.fromSystemProperties(), line -> out.println("  " + line));
        try {
            SegmentLoop loop = new SegmentLoop(spec, runner, executor, new SlotCount(jsc, spec.resources().gpusPerTrial()),
                    new JournalSink(writer, wal), rows, progress, finished, stop);
            stale.forEach(loop::reap);
            List<SegmentTiming> timings = loop.run(new ArrayList<>(points.values()), this::segmentFor);
            writer.close();
            progress.finish();
            closeQuietly(wal);
            double wall = (System.nanoTime() - startNanos) / 1e9;
            return new SweepResult(sweepId, finished, timings, journal.location(), writer.commits(), writer.retries(), wall, loop.peakSlots());
        } catch (Exception | Error e) {
            progress.finish();
            throw SweepStops.stop(e, executor, writer, wal, journal.location());
        }
    }

    /** What a dead driver left running, checked against the spec before anything is written. */
    private List<Running> leftRunning(JournalReplay replay, Map<String, ScalePointTuner> points) {
        List<Running> out = new ArrayList<>();
        for (OpenSegment open : replay.open()) {
            ScalePointTuner point = points.get(open.scaleKey());
            if (point == null) {
                throw new IllegalArgumentException("the journal of sweep " + sweepId + " has trial " + open.request().trialId()
                        + " at scale point " + open.scaleKey() + ", which the spec does not have; resume it with the spec it started with");
            }
            out.add(new Running(point, open.request(), segmentFor(point, open.request()), open.lastAttempt(), open.failures(),
                    System.currentTimeMillis()));
        }
        return out;
    }

    /** Once every row is in the table, a log that cannot be closed (a full disk) costs nothing. */
    private static void closeQuietly(WriteAheadLog wal) {
        if (wal == null) {
            return;
        }
        try {
            wal.close();
        } catch (RuntimeException | Error e) {
            // The journal table already holds every row the log held.
        }
    }

    /**
     * The FAIR pool this sweep's segments go to, made with the spec's weight if the session does not
     * define it; sweeps of one application share the slots by these weights.
     */
    private String pool() {
        String name = spec.resources().pool() != null ? spec.resources().pool() : SweepPools.defaultName(spec.sweep());
        if (!SweepPools.ensure(jsc.sc(), name, spec.resources().weight()) && spec.resources().weight() != 1) {
            out.println("mutune sweep " + sweepId + ": resources.weight " + spec.resources().weight()
                    + " has no effect: this Spark session schedules FIFO (set spark.scheduler.mode=FAIR when it starts)");
        }
        return name;
    }

    /** Whether every tuner is done once the journal is replayed: nothing open, nothing left to ask. */
    public boolean finishedAfter(List<JournalRow> previous) {
        JournalReplay replay = JournalReplay.of(previous, spec.search().metric());
        if (!replay.open().isEmpty()) {
            return false;
        }
        List<Map<String, Double>> scalePoints = spec.scalePoints();
        for (int i = 0; i < scalePoints.size(); i++) {
            ScalePointTuner p = ScalePointTuner.create(spec, i, scalePoints.get(i));
            p.tuner().replay(replay.events(p.key()));
            if (!p.tuner().isFinished()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The segment a request becomes: seeded by trial id alone, resuming from the checkpoint the
     * request names, and writing one when the trial may be resumed later (it stops short of max).
     */
    TrialSegment segmentFor(ScalePointTuner point, TrialRequest request) {
        long trialSeed = TrialSeeds.forRun(spec.seed(), request.trialId(), request.replicate());
        // a replicate keeps checkpoints of its own: it resumes only its own run, never the trial's
        String resumeFrom = request.resumeFromTrialId() == null ? null
                : files.checkpoint(TrialSeeds.runId(request.resumeFromTrialId(), request.replicate()), request.fromResource());
        String checkpointTo = request.toResource() < spec.search().resource().max()
                ? files.checkpoint(TrialSeeds.runId(request.trialId(), request.replicate()), request.toResource()) : null;
        return new TrialSegment(request.trialId(), request.config(), point.scale(), request.fromResource(), request.toResource(),
                resumeFrom, checkpointTo, trialSeed);
    }

    public SweepFiles files() {
        return files;
    }

    /** Completes a finished future's outcome; Spark-side failures already arrive as outcomes. */
    static SegmentOutcome outcomeOf(CompletableFuture<SegmentOutcome> f) {
        try {
            return f.join();
        } catch (java.util.concurrent.CompletionException | java.util.concurrent.CancellationException e) {
            return SegmentOutcome.sparkFailure("Spark could not run the task: " + e);
        }
    }
}
