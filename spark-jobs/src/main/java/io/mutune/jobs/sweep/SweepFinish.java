package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.recommend.PublishResult;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.jobs.diff.PublishLines;
import io.mutune.jobs.faults.BoundedRetry;
import io.mutune.jobs.faults.OneLine;
import io.mutune.jobs.faults.SweepStopped;
import io.mutune.jobs.fit.FitJob;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.transfer.recommend.Recommendation;
import java.io.PrintStream;
import java.util.List;
import java.util.Locale;

/**
 * The end of a sweep: fit the journal, publish what is a number (never downgrading a row unless
 * forced), print the summary and what the publish kept, and say which scale points had no finite
 * result and why. A value that is not a number is never published: a launcher would train with it.
 */
public final class SweepFinish {
    private SweepFinish() { }

    /**
     * What the end of a sweep did.
     *
     * @param published the publish, or null when nothing was a number, so nothing was published
     * @param complete  whether every scale point had a finite result and every recommendation was published
     */
    public record Outcome(PublishResult published, boolean complete) { }

    /**
     * Fits, publishes and summarises. A journal read or a publish that fails on a transient fault
     * is retried ({@link BoundedRetry}); one that keeps failing stops the sweep ({@link SweepStopped}),
     * whose journal then holds every trial, so a resume only fits and publishes.
     *
     * @param force publish every row, even where the table's is stronger (see {@code NeverDowngrade})
     */
    public static Outcome publishAndSummarise(SweepSpec spec, String sweepId, TrialJournal journal, RecommendationTable table,
                                              SweepFiles files, SweepResult result, boolean force, PrintStream out) {
        BoundedRetry retry = BoundedRetry.fromSystemProperties();
        List<JournalRow> rows = withRetry(retry, "reading the trial journal " + journal.location(), () -> journal.read(sweepId), out,
                "cannot read the trial journal " + journal.location());
        List<Recommendation> recs = fit(spec, rows);
        List<Recommendation> publishable = finite(recs);
        PublishResult published = null;
        if (!publishable.isEmpty()) {
            published = withRetry(retry, "publishing to " + table.location(),
                    () -> table.publish(sweepId, FitJob.toRows(spec, sweepId, publishable), force), out, "cannot publish to " + table.location());
            files.markPublished(published.version());
        }
        SweepSummary.print(out, result, spec.search().metric(), spec.search().mode(), publishable, table.location(),
                published == null ? -1 : published.version());
        if (published != null) {
            PublishLines.print(out, table.location(), published);
        }
        List<String> points = spec.scalePoints().stream().map(SweepSpec::scaleKey).toList();
        List<String> noResult = NoResultPoints.describe(points, rows, spec.search().metric(), sweepId, journal.location());
        List<Recommendation> dropped = recs.stream().filter(r -> !publishable.contains(r)).toList();
        if (noResult.isEmpty() && dropped.isEmpty()) {
            return new Outcome(published, true);
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
        out.println(published == null ? "nothing was published" : "the rest was published (version " + published.version() + ")");
        return new Outcome(published, false);
    }

    /**
     * The journal's recommendations; none when no trial ended with a result at all (every one
     * failed), which the end message then explains point by point instead of a fit's error.
     */
    public static List<Recommendation> fit(SweepSpec spec, List<JournalRow> rows) {
        return FitJob.observations(rows, spec.search().metric()).isEmpty() ? List.of() : FitJob.recommend(spec, rows);
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
