package io.mutune.jobs.cli;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.jobs.faults.SweepStopped;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.spec.SweepSpecParser;
import io.mutune.jobs.sweep.SpecRunners;
import io.mutune.jobs.sweep.SweepFinish;
import io.mutune.jobs.sweep.SweepJob;
import io.mutune.jobs.sweep.SweepJournal;
import io.mutune.jobs.sweep.SweepPreflight;
import io.mutune.jobs.sweep.SweepResult;
import io.mutune.jobs.validate.ValidateJob;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code mutune sweep SPEC}: sweep, fit, publish, summarise. A sweep id whose journal already has
 * rows is resumed: the journal is replayed, what the dead driver left running is re-run, and a
 * sweep that finished and was published is left alone. The publish never replaces a row with a
 * weaker one unless {@code --force} is given, and prints what it kept.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run the sweep that SPEC (YAML or JSON) describes, fit the transfer rules, publish the recommendations,"
            + " and print a summary. A sweep whose journal already has rows is resumed."})
final class SweepCommand implements Callable<Integer> {
    @ParentCommand
    MutuneCli root;
    @Parameters(index = "0", paramLabel = "SPEC", description = "The sweep spec, e.g. examples/quickstart.yaml.")
    Path specFile;
    @Option(names = "--sweep-id", paramLabel = "ID", description = "Name the sweep; an ID whose journal has rows is resumed.")
    String sweepId;
    @Option(names = "--resume", description = "Resume the sweep last started from SPEC (after a killed driver).")
    boolean resume;
    @Option(names = "--nightly", description = {"The sweep id is SPEC's name and today's UTC date (NAME-YYYYMMDD);",
        "a second run the same night resumes it, or does nothing if it finished."})
    boolean nightly;
    @Option(names = "--force", description = {"Publish every row, even where the table's row has a stronger verdict or more",
        "evidence (by default such rows are kept, and the output says so)."})
    boolean force;
    @Mixin
    SparkOptions spark;
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        PrintStream out = root.out();
        SweepStart start = SweepStart.of(nightly, sweepId, resume);
        SweepSpec spec = SweepSpecParser.parse(specFile);
        if (spec.validate() != null) {
            ValidateJob.check(spec, spec.validate());
        }
        TrialRunner runner = SpecRunners.forSpec(spec);
        SparkSession session = spark.session("local[*]");
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
        String id = SweepIds.choose(start, sweepId, spec, jsc.hadoopConfiguration(), Clock.systemUTC());
        // Both tables and both folders are checked (and created) before any trial runs.
        SweepPreflight.SweepTables tables = SweepPreflight.check(session, spec, id, jsc.hadoopConfiguration());
        TrialJournal journal = tables.journal();
        RecommendationTable recTable = tables.recommendations();
        SweepJob job = new SweepJob(spec, id, jsc, journal, runner, out);
        List<JournalRow> previous = SweepJournal.recover(journal, job.files(), id);
        if (previous.isEmpty() && resume && sweepId != null) {
            throw new IllegalArgumentException("--resume: sweep '" + id + "' has no rows in " + journal.location() + "; nothing to resume");
        }
        if (!previous.isEmpty() && job.finishedAfter(previous) && job.files().published()) {
            out.println("mutune sweep " + id + ": already finished and published (" + journal.location() + "); nothing to do");
            return ExitCodes.OK;
        }
        out.println("mutune sweep " + id + (previous.isEmpty() ? "" : " (resumed from " + previous.size() + " journal rows)") + ": "
                + spec.scalePoints().size() + " scale points x " + spec.search().trialsPerScale() + " trials, "
                + spec.search().algorithm() + " search, journal " + journal.location());
        GridCoverage.describe(spec).ifPresent(out::println);
        job.files().markLatest(spec.sweep());
        SweepFinish.Outcome end;
        try {
            SweepResult result = job.run(previous);
            // --force: replace rows even where this sweep's are weaker (see NeverDowngrade).
            end = SweepFinish.publishAndSummarise(spec, id, journal, recTable, job.files(), result, force, out);
        } catch (SweepStopped stopped) {
            throw stopped.withResume("mutune sweep " + specFile.toAbsolutePath().normalize() + " --sweep-id " + id + " --resume"
                    + (spark.master == null ? "" : " --master " + spark.master));
        }
        if (!end.complete()) {
            out.println("exit code " + ExitCodes.NO_RESULT + ": a scale point has no finite result"
                    + (spec.validate() == null ? "" : "; the spec's validate: section was not run"));
            return ExitCodes.NO_RESULT;
        }
        if (spec.validate() != null) {
            ValidateJob.run(session, spec, spec.output().recommendations(), spec.validate(), out, Clock.systemUTC());
        }
        return ExitCodes.OK;
    }
}
