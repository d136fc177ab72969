package io.mutune.hpo.local;

import io.mutune.hpo.runner.SegmentResult;
import io.mutune.hpo.runner.TrialContext;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.hpo.runner.TrialSegment;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.tuner.TrialReport;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.Tuner;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorCompletionService;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.ToDoubleFunction;

/**
 * Drives a {@link Tuner} over a {@link TrialRunner} on a thread pool, with no Spark: asks as long as
 * a worker is free and the tuner has work, tells each result as it arrives. The driver thread
 * alone talks to the tuner, so the journal order is the order results arrived in.
 */
public final class LocalRunner {
    private final int workers;
    private final String metric;
    private final Duration maxWallTime;
    private final long trialSeed;

    /**
     * @param workers     parallel trials
     * @param metric      the metric in {@link SegmentResult#metrics()} the tuner optimises
     * @param maxWallTime stop handing out work after this long (running trials still finish)
     * @param trialSeed   seed passed to every segment (the runner's initialisation/data order)
     */
    public LocalRunner(int workers, String metric, Duration maxWallTime, long trialSeed) {
        if (workers < 1) {
            throw new IllegalArgumentException("workers must be >= 1, got " + workers);
        }
        this.workers = workers;
        this.metric = Objects.requireNonNull(metric, "metric");
        this.maxWallTime = Objects.requireNonNull(maxWallTime, "maxWallTime");
        this.trialSeed = trialSeed;
    }

    public LocalRunner(int workers, String metric) {
        this(workers, metric, Duration.ofDays(365), 0);
    }

    /** A runner over a plain function of the configuration, reported as {@code metric} at the requested resource. */
    public static TrialRunner ofFunction(String metric, ToDoubleFunction<Configuration> f) {
        return (segment, context) -> SegmentResult.completed(segment.toResource(),
                Map.of(metric, f.applyAsDouble(segment.config())), List.of(), null);
    }

    /** Runs until the tuner is finished or the wall time is up; returns the tuner for convenience. */
    public Tuner run(Tuner tuner, TrialRunner runner) throws InterruptedException {
        long deadline = System.nanoTime() + maxWallTime.toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(workers);
        ExecutorCompletionService<TrialReport> done = new ExecutorCompletionService<>(pool);
        Map<String, String> checkpoints = new HashMap<>(); // "trial@resource" -> checkpoint path
        int running = 0;
        try {
            while (true) {
                boolean timeLeft = System.nanoTime() < deadline;
                while (timeLeft && running < workers) {
                    var request = tuner.ask();
                    if (request.isEmpty()) {
                        break;
                    }
                    TrialSegment segment = segmentOf(request.get(), checkpoints);
                    done.submit(() -> runOne(runner, request.get(), segment, checkpoints));
                    running++;
                }
                if (running == 0) {
                    return tuner;
                }
                TrialReport report = done.take().get();
                running--;
                tuner.tell(report);
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("local runner failed unexpectedly", e.getCause());
        } finally {
            pool.shutdownNow();
        }
    }

    private TrialSegment segmentOf(TrialRequest r, Map<String, String> checkpoints) {
        String resumeFrom = null;
        if (r.resumeFromTrialId() != null) {
            synchronized (checkpoints) {
                resumeFrom = checkpoints.get(r.resumeFromTrialId() + "@" + r.fromResource());
            }
        }
        return new TrialSegment(r.trialId(), r.config(), Map.of(), r.fromResource(), r.toResource(), resumeFrom,
                r.trialId() + "@" + r.toResource(), trialSeed);
    }

    private TrialReport runOne(TrialRunner runner, TrialRequest r, TrialSegment segment, Map<String, String> checkpoints) {
        try {
            SegmentResult result = runner.run(segment, TrialContext.cpu());
            if (result.checkpoint() != null) {
                synchronized (checkpoints) {
                    checkpoints.put(r.trialId() + "@" + result.resource(), result.checkpoint());
                }
            }
            switch (result.outcome()) {
                case DIVERGED:
                    return new TrialReport(r.trialId(), result.resource(), Double.NaN, TrialReport.Outcome.DIVERGED, result.message());
                case FAILED:
                    return new TrialReport(r.trialId(), result.resource(), Double.NaN, TrialReport.Outcome.FAILED, result.message());
                default:
                    Double v = result.metrics().get(metric);
                    if (v == null) {
                        return new TrialReport(r.trialId(), result.resource(), Double.NaN, TrialReport.Outcome.FAILED,
                                "segment reported no '" + metric + "'; it reported " + result.metrics().keySet());
                    }
                    return new TrialReport(r.trialId(), result.resource(), v, TrialReport.Outcome.COMPLETED, null);
            }
        } catch (Exception e) {
            return new TrialReport(r.trialId(), segment.fromResource(), Double.NaN, TrialReport.Outcome.FAILED, String.valueOf(e));
        }
    }
}
