package io.mutune.jobs.cli;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.sweep.SpecRunners;
import io.mutune.jobs.faults.SweepStopped;
import io.mutune.jobs.sweep.SweepFinish;
import io.mutune.jobs.sweep.SweepJob;
import io.mutune.jobs.sweep.SweepPreflight;
import io.mutune.jobs.sweep.SweepJournal;
import io.mutune.jobs.sweep.SweepResult;
import io.mutune.jobs.validate.ValidateJob;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * What {@code mutune sweep} does for one spec: pick the sweep id, resume from the journal, sweep,
 * fit, publish, summarise. Several of these run side by side when the command is given several
 * specs; their publishes then take turns, and each summary is printed in one piece.
 */
final class SweepOfSpec {
    /** Publishes to one recommendations table would only race each other's commits. */
    private static final Object PUBLISH = new Object();
    private final SweepSpec spec;
    private final SweepStart start;
    private final Path specFile;
    private final String namedId;
    private final boolean resume;
    private final boolean force;

    /** @param namedId this spec's {@code --sweep-id}, or null */
    SweepOfSpec(SweepSpec spec, Path specFile, SweepStart start, String namedId, boolean resume, boolean force) {
        this.spec = spec;
        this.specFile = specFile;
        this.start = start;
        this.namedId = namedId;
        this.resume = resume;
        this.force = force;
    }

    SweepSpec spec() {
        return spec;
    }

    /**
     * @param progressBar a live bar (one sweep on a terminal); else one line per segment
     */
    int run(SparkSession session, PrintStream out, boolean progressBar, String master) {
        TrialRunner runner = SpecRunners.forSpec(spec);
        JavaSparkContext jsc = JavaSparkContext.fromSparkContext(session.sparkContext());
        String id = SweepIds.choose(start, namedId, spec, jsc.hadoopConfiguration(), Clock.systemUTC());
        // Both tables and both folders are checked (and created) before any trial runs.
        SweepPreflight.SweepTables tables = SweepPreflight.check(session, spec, id, jsc.hadoopConfiguration());
        TrialJournal journal = tables.journal();
        RecommendationTable recTable = tables.recommendations();
        SweepJob job = new SweepJob(spec, id, jsc, journal, runner, out, progressBar);
        List<JournalRow> previous = SweepJournal.recover(journal, job.files(), id);
        if (previous.isEmpty() && resume && namedId != null) {
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
        ByteArrayOutputStream summary = new ByteArrayOutputStream();
        PrintStream block = new PrintStream(summary, true, StandardCharsets.UTF_8);
        SweepFinish.Outcome end;
        try {
            SweepResult result = job.run(previous);
            synchronized (PUBLISH) {
                // --force: replace rows even where this sweep's are weaker (see NeverDowngrade).
                end = SweepFinish.publishAndSummarise(spec, id, journal, recTable, job.files(), result, force, block);
            }
        } catch (SweepStopped stopped) {
            throw stopped.withResume("mutune sweep " + specFile.toAbsolutePath().normalize() + " --sweep-id " + id + " --resume"
                    + (master == null ? "" : " --master " + master));
        } finally {
            out.print(summary.toString(StandardCharsets.UTF_8));
            out.flush();
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
