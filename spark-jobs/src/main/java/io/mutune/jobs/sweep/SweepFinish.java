package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.jobs.faults.BoundedRetry;
import io.mutune.jobs.faults.ExitCode;
import io.mutune.jobs.faults.OneLine;
import io.mutune.jobs.faults.SweepStopped;
import io.mutune.jobs.fit.FitJob;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.transfer.recommend.Recommendation;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The end of a sweep: fit the journal, publish what is a number, print the summary, and say which
 * scale points had no finite result and why. A value that is not a number is never published (a
 * launcher would train with it); a sweep that leaves one out ends with {@link ExitCode#NO_RESULT}.
 */
public final class SweepFinish {
    private SweepFinish() { }

    /** Fits, publishes and summarises; returns {@link ExitCode#OK}, or {@link ExitCode#NO_RESULT} when something had no finite result. */
    public static ExitCode publishAndSummarise(SweepSpec spec, String sweepId, TrialJournal journal, RecommendationTable table,
                                               SweepFiles files, SweepResult result, PrintStream out) {
        BoundedRetry retry = BoundedRetry.fromSystemProperties();
        List<JournalRow> rows = withRetry(retry, "reading the trial journal " + journal.location(), () -> journal.read(sweepId), out,
                "cannot read the trial journal " + journal.location());
        List<Recommendation> recs = FitJob.recommend(spec, rows);
        List<Recommendation> publishable = finite(recs);
        long version = -1;
        if (!publishable.isEmpty()) {
            version = withRetry(retry, "publishing to " + table.location(),
                    () -> table.publish(sweepId, FitJob.toRows(spec, sweepId, publishable)), out, "cannot publish to " + table.location());
            files.markPublished(version);
        }
        SweepSummary.print(out, result, spec.search().metric(), spec.search().mode(), publishable, table.location(), version);
        List<String> points = spec.scalePoints().stream().map(p -> SweepSpec.scaleKey(p)).toList();
        List<String> noResult = NoResultPoints.describe(points, rows, spec.search().metric(), sweepId, journal.location());
        List<Recommendation> dropped = recs.stream().filter(r -> !publishable.contains(r)).toList();
        if (noResult.isEmpty() && dropped.isEmpty()) {
            return ExitCode.OK;
        }
        out.println();
        if (!noResult.isEmpty()) {
            out.println(noResult.size() + " of " + points.size() + " scale points have no finite result; nothing was published from them:");
            noResult.forEach(l -> out.println("  " + l));
        }
        for (Recommendation r : dropped) {
            out.printf(Locale.ROOT, "  not published: %s at %s = %s [%s, %s] is not a number (%d scale points with results)%n",
                    r.hyperparameter(), r.targetScale(), r.value(), r.lower(), r.upper(), r.scalePoints());
        }
        out.println(publishable.isEmpty() ? "nothing was published; exit code " + ExitCode.NO_RESULT.code()
                : "the rest was published (version " + version + "); exit code " + ExitCode.NO_RESULT.code());
        return ExitCode.NO_RESULT;
    }

    /** The recommendations whose value and interval are all numbers: the only ones that may be published. */
    public static List<Recommendation> finite(List<Recommendation> recs) {
        return recs.stream().filter(r -> Double.isFinite(r.value()) && Double.isFinite(r.lower()) && Double.isFinite(r.upper())).toList();
    }

    private static <T> T withRetry(BoundedRetry retry, String what, java.util.function.Supplier<T> work, PrintStream out, String failure) {
        try {
            return retry.run(what, attempt -> work.get(), line -> out.println("  " + line));
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            throw new SweepStopped(failure + ": " + OneLine.of(e) + "; the journal holds every trial, so --resume only fits and publishes", e);
        }
    }
}
