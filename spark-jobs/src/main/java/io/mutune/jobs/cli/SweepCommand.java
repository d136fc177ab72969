package io.mutune.jobs.cli;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.jobs.faults.SweepStopped;
import io.mutune.jobs.session.MutuneSpark;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.spec.SweepSpecParser;
import io.mutune.jobs.sweep.SpecRunners;
import io.mutune.jobs.sweep.SweepJob;
import io.mutune.jobs.sweep.SweepFinish;
import io.mutune.jobs.sweep.SweepJournal;
import io.mutune.jobs.sweep.SweepPreflight;
import io.mutune.jobs.sweep.SweepResult;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * {@code mutune sweep SPEC}: sweep, fit, publish, summarise. A sweep id whose journal already has
 * rows is resumed: the journal is replayed, what the dead driver left running is re-run, and a
 * sweep that finished and was published is left alone.
 */
final class SweepCommand {
    static final Set<String> FLAGS = Set.of("sweep-id", "master", "resume!", "nightly!");

    private SweepCommand() { }

    static int run(CliArgs args, PrintStream out) {
        if (args.positional().size() != 1) {
            throw new IllegalArgumentException("expected exactly one spec file, got " + args.positional());
        }
        SweepSpec spec = SweepSpecParser.parse(Path.of(args.positional().get(0)));
        TrialRunner runner = SpecRunners.forSpec(spec);
        SparkSession spark = MutuneSpark.getOrCreate(args.flag("master", System.getProperty("spark.master") == null ? "local[*]" : null));
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
        String sweepId = SweepIds.choose(args, spec, jsc.hadoopConfiguration(), Clock.systemUTC());
        SweepPreflight.SweepTables tables = SweepPreflight.check(spark, spec, sweepId, jsc.hadoopConfiguration());
        TrialJournal journal = tables.journal();
        RecommendationTable recTable = tables.recommendations();
        SweepJob job = new SweepJob(spec, sweepId, jsc, journal, runner, out);
        List<JournalRow> previous = SweepJournal.recover(journal, job.files(), sweepId);
        if (previous.isEmpty() && args.has("resume") && args.has("sweep-id")) {
            throw new IllegalArgumentException("--resume: sweep '" + sweepId + "' has no rows in " + journal.location() + "; nothing to resume");
        }
        if (!previous.isEmpty() && job.finishedAfter(previous) && job.files().published()) {
            out.println("mutune sweep " + sweepId + ": already finished and published (" + journal.location() + "); nothing to do");
            return 0;
        }
        out.println("mutune sweep " + sweepId + (previous.isEmpty() ? "" : " (resumed from " + previous.size() + " journal rows)") + ": "
                + spec.scalePoints().size() + " scale points x " + spec.search().trialsPerScale() + " trials, "
                + spec.search().algorithm() + " search, journal " + journal.location());
        job.files().markLatest(spec.sweep());
        try {
            SweepResult result = job.run(previous);
            return SweepFinish.publishAndSummarise(spec, sweepId, journal, recTable, job.files(), result, out).code();
        } catch (SweepStopped stopped) {
            throw stopped.withResume("mutune sweep " + Path.of(args.positional().get(0)).toAbsolutePath().normalize() + " --sweep-id " + sweepId
                    + " --resume" + (args.has("master") ? " --master " + args.flag("master", null) : ""));
        }
    }
}
