package io.mutune.jobs.api;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.connectors.table.TableUri;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.jobs.fit.FitJob;
import io.mutune.jobs.report.ReportFiles;
import io.mutune.jobs.report.ReportInputs;
import io.mutune.jobs.report.ReportOptions;
import io.mutune.jobs.report.SweepReport;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.spec.SweepSpecParser;
import io.mutune.jobs.sweep.SpecRunners;
import io.mutune.jobs.sweep.SweepFiles;
import io.mutune.jobs.sweep.SweepFinish;
import io.mutune.jobs.sweep.SweepJob;
import io.mutune.jobs.sweep.SweepJournal;
import io.mutune.jobs.sweep.SweepPreflight;
import io.mutune.jobs.sweep.SweepResult;
import io.mutune.transfer.recommend.Recommendation;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The library's entry points for Scala and Java users and notebooks: the same steps as the
 * {@code mutune} command line, on the caller's SparkSession, returning results instead of printing.
 */
public final class Mutune {
    private Mutune() { }

    /** A spec from a YAML or JSON file. */
    public static SweepSpec spec(Path file) {
        return SweepSpecParser.parse(file);
    }

    /** A spec from YAML or JSON text, e.g. a notebook cell's string. */
    public static SweepSpec spec(String yamlOrJson) {
        return SweepSpecParser.parse(yamlOrJson);
    }

    /**
     * Sweeps with the proxy the spec names (a DJL proxy, or the external program of {@code model: command}),
     * fits the rules, publishes; the sweep id is the spec's name and the UTC time.
     */
    public static SweepRun sweep(SparkSession spark, SweepSpec spec) {
        return sweep(spark, spec, defaultSweepId(spec), SpecRunners.forSpec(spec), System.out);
    }

    /** As {@link #sweep(SparkSession, SweepSpec)}, with the caller's trial runner (any {@link TrialRunner}: a script, a service...). */
    public static SweepRun sweep(SparkSession spark, SweepSpec spec, TrialRunner runner) {
        return sweep(spark, spec, defaultSweepId(spec), runner, System.out);
    }

    /**
     * The whole pipeline: sweep, fit, publish.
     *
     * @param progress where the per-trial progress lines go; null for none
     */
    public static SweepRun sweep(SparkSession spark, SweepSpec spec, String sweepId, TrialRunner runner, PrintStream progress) {
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        SweepPreflight.SweepTables tables = SweepPreflight.check(spark, spec, sweepId, jsc.hadoopConfiguration());
        TrialJournal journal = tables.journal();
        if (!journal.read(sweepId).isEmpty()) {
            throw new IllegalArgumentException("sweep id '" + sweepId + "' already has trials in " + journal.location());
        }
        PrintStream out = progress == null ? new PrintStream(OutputStream.nullOutputStream()) : progress;
        SweepJob job = new SweepJob(spec, sweepId, jsc, journal, runner, out);
        job.files().markLatest(spec.sweep());
        SweepResult result = job.run();
        List<Recommendation> recs = SweepFinish.fit(spec, journal.read(sweepId));
        // A value that is not a number is never published: a launcher would train with it.
        List<Recommendation> publishable = SweepFinish.finite(recs);
        long version = publishable.isEmpty() ? -1 : tables.recommendations().publish(sweepId, FitJob.toRows(spec, sweepId, publishable));
        return new SweepRun(spec, result, recs, version);
    }

    /**
     * Resumes sweep {@code sweepId} after a killed driver (or a notebook kernel that died): the
     * journal, with what only reached the write-ahead log, is replayed into the tuners, what was
     * left running is run again, the rest of the sweep runs, and the rules are fitted and
     * published. Sweeps resumed from several threads of one session share the slots by their
     * specs' {@code resources.weight}, as they did when they started.
     *
     * @param progress where the per-trial progress lines go; null for none
     * @throws IllegalArgumentException when the journal has no rows of {@code sweepId}
     */
    public static SweepRun resume(SparkSession spark, SweepSpec spec, String sweepId, TrialRunner runner, PrintStream progress) {
        TrialJournal journal = Tables.journal(spark, spec.output().trials());
        PrintStream out = progress == null ? new PrintStream(OutputStream.nullOutputStream()) : progress;
        SweepJob job = new SweepJob(spec, sweepId, JavaSparkContext.fromSparkContext(spark.sparkContext()), journal, runner, out, false);
        List<JournalRow> previous = SweepJournal.recover(journal, job.files(), sweepId);
        if (previous.isEmpty()) {
            throw new IllegalArgumentException("sweep id '" + sweepId + "' has no trials in " + journal.location() + "; nothing to resume");
        }
        SweepResult result = job.run(previous);
        List<Recommendation> recs = FitJob.recommend(spec, journal.read(sweepId));
        long version = Tables.recommendations(spark, spec.output().recommendations()).publish(sweepId, FitJob.toRows(spec, sweepId, recs));
        return new SweepRun(spec, result, recs, version);
    }

    /**
     * Several sweeps at once on the caller's session, each in its own FAIR pool with its spec's
     * {@code resources.weight} (what two {@code Mutune.sweep} calls from two threads of a notebook
     * also get); returns when all have finished, in the order given.
     *
     * @throws IllegalArgumentException naming the spec's sweep when one of them fails; the others still finish
     */
    public static List<SweepRun> sweepAll(SparkSession spark, List<SweepSpec> specs) {
        List<java.util.concurrent.CompletableFuture<SweepRun>> runs = new java.util.ArrayList<>();
        for (SweepSpec spec : specs) {
            runs.add(java.util.concurrent.CompletableFuture.supplyAsync(() -> sweep(spark, spec), r -> {
                Thread t = new Thread(r, "mutune-sweep-" + spec.sweep());
                t.start();
            }));
        }
        List<SweepRun> out = new java.util.ArrayList<>();
        RuntimeException failure = null;
        for (int i = 0; i < runs.size(); i++) {
            try {
                out.add(runs.get(i).join());
            } catch (java.util.concurrent.CompletionException e) {
                if (failure == null) {
                    failure = new IllegalArgumentException("sweep " + specs.get(i).sweep() + ": " + e.getCause().getMessage(), e.getCause());
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
        return out;
    }

    /** The journal of every sweep that wrote to the spec's {@code output.trials}, as a DataFrame. */
    public static Dataset<Row> journal(SparkSession spark, SweepSpec spec) {
        return spark.read().format("delta").load(deltaPath(spec.output().trials(), "output.trials"));
    }

    /** One sweep's journal rows, in event order. */
    public static List<JournalRow> trials(SparkSession spark, SweepSpec spec, String sweepId) {
        return Tables.journal(spark, spec.output().trials()).read(sweepId);
    }

    /**
     * The sweep last started from a spec of this name, if any: the one {@code mutune sweep SPEC --resume}
     * resumes and {@code mutune report latest --spec SPEC} reports, as the marker in the spec's
     * checkpoint folder records it ({@code CHECKPOINTS/_latest/NAME}). "Latest" means only this.
     */
    public static Optional<String> latestSweepId(SparkSession spark, SweepSpec spec) {
        return Optional.ofNullable(SweepFiles.latest(spec.output().checkpoints(), spec.sweep(), spark.sparkContext().hadoopConfiguration()));
    }

    /** The rules and recommendations a sweep's journal gives now (what its publish wrote, refitted). */
    public static List<Recommendation> fit(SparkSession spark, SweepSpec spec, String sweepId) {
        return FitJob.recommend(spec, trials(spark, spec, sweepId));
    }

    /** The recommendations table, current version, as a launcher reads it. */
    public static Dataset<Row> recommendations(SparkSession spark, SweepSpec spec) {
        return spark.read().format("delta").load(deltaPath(spec.output().recommendations(), "output.recommendations"));
    }

    /** The recommendations table as a launcher pinned to {@code version} (Delta time travel) reads it. */
    public static Dataset<Row> recommendations(SparkSession spark, SweepSpec spec, long deltaVersion) {
        return spark.read().format("delta").option("versionAsOf", deltaVersion)
                .load(deltaPath(spec.output().recommendations(), "output.recommendations"));
    }

    /** The recommendation table as a typed view. */
    public static RecommendationTable recommendationTable(SparkSession spark, SweepSpec spec) {
        return Tables.recommendations(spark, spec.output().recommendations());
    }

    /** Writes the sweep's HTML report and PNG charts under {@code outDir}. */
    public static ReportFiles report(SparkSession spark, SweepSpec spec, String sweepId, Path outDir) {
        return SweepReport.write(spark, spec, sweepId, ReportOptions.defaults(outDir));
    }

    /** The journal rows, fitted recommendations and published rows a sweep's charts are drawn from. */
    public static ReportInputs reportInputs(SparkSession spark, SweepSpec spec, String sweepId) {
        return SweepReport.inputs(spark, spec, sweepId, null);
    }

    /** The spec's name and the UTC time, as {@code mutune sweep} names sweeps. */
    public static String defaultSweepId(SweepSpec spec) {
        return spec.sweep() + "-" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }

    static String deltaPath(String uri, String field) {
        TableUri t = TableUri.parse(uri);
        if (t.format() != TableUri.Format.DELTA) {
            throw new IllegalArgumentException(field + ": only delta:PATH tables can be read here yet, got '" + uri + "'");
        }
        String loc = t.location();
        return loc.matches("^[A-Za-z][A-Za-z0-9+.-]*:.*") ? loc : Path.of(loc).toAbsolutePath().normalize().toString();
    }
}
