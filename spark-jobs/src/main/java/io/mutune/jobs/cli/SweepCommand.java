package io.mutune.jobs.cli;

import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.hpo.runner.TrialRunner;
import io.mutune.jobs.fit.FitJob;
import io.mutune.jobs.session.MutuneSpark;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.spec.SweepSpecParser;
import io.mutune.jobs.sweep.SweepJob;
import io.mutune.jobs.sweep.SweepResult;
import io.mutune.jobs.sweep.SweepSummary;
import io.mutune.transfer.proxy.ProxyRunners;
import io.mutune.transfer.recommend.Recommendation;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Set;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/** {@code mutune sweep SPEC}: sweep, fit, publish, summarise. */
final class SweepCommand {
    static final Set<String> FLAGS = Set.of("sweep-id", "master");

    private SweepCommand() { }

    static int run(CliArgs args, PrintStream out) {
        if (args.positional().size() != 1) {
            throw new IllegalArgumentException("expected exactly one spec file, got " + args.positional());
        }
        SweepSpec spec = SweepSpecParser.parse(Path.of(args.positional().get(0)));
        String sweepId = args.flag("sweep-id", defaultSweepId(spec));
        TrialRunner runner = ProxyRunners.fromSpec(spec.proxy());
        SparkSession spark = MutuneSpark.getOrCreate(args.flag("master", System.getProperty("spark.master") == null ? "local[*]" : null));
        TrialJournal journal = Tables.journal(spark, spec.output().trials());
        RecommendationTable recTable = Tables.recommendations(spark, spec.output().recommendations());
        if (!journal.read(sweepId).isEmpty()) {
            throw new IllegalArgumentException("sweep id '" + sweepId + "' already has trials in " + journal.location()
                    + "; pick another --sweep-id");
        }
        out.println("mutune sweep " + sweepId + ": " + spec.scalePoints().size() + " scale points x "
                + spec.search().trialsPerScale() + " trials, " + spec.search().algorithm() + " search, journal " + journal.location());
        SweepResult result = new SweepJob(spec, sweepId, JavaSparkContext.fromSparkContext(spark.sparkContext()), journal, runner, out).run();
        List<Recommendation> recs = FitJob.recommend(spec, journal.read(sweepId));
        long version = recTable.publish(sweepId, FitJob.toRows(spec, sweepId, recs));
        SweepSummary.print(out, result, spec.search().metric(), spec.search().mode(), recs, recTable.location(), version);
        return 0;
    }

    /** The spec's name and the UTC time, so every run of a spec is its own sweep unless told otherwise. */
    static String defaultSweepId(SweepSpec spec) {
        return spec.sweep() + "-" + ZonedDateTime.now(ZoneOffset.UTC).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
    }
}
