package io.mutune.jobs.cli;

import io.mutune.jobs.api.Mutune;
import io.mutune.jobs.report.ReportFiles;
import io.mutune.jobs.report.ReportOptions;
import io.mutune.jobs.report.SweepReport;
import io.mutune.jobs.session.MutuneSpark;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.spec.SweepSpecParser;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * {@code mutune report (SWEEP_ID | latest) (--spec SPEC | --trials URI --recommendations URI) [--out DIR] [--coord-check CSV]}:
 * one self-contained HTML page with inline SVG charts, and the same charts as PNG files.
 */
final class ReportCommand {
    /** The sweep id that means the spec's newest sweep, for nightly jobs that do not know tonight's id. */
    static final String LATEST = "latest";
    static final Set<String> FLAGS = Set.of("spec", "trials", "recommendations", "metric", "mode", "out", "coord-check", "no-png!", "master");

    private ReportCommand() { }

    static int run(CliArgs args, PrintStream out) {
        if (args.positional().size() != 1) {
            throw new IllegalArgumentException("expected exactly one sweep id, got " + args.positional());
        }
        String sweepId = args.positional().get(0);
        boolean fromSpec = args.has("spec");
        if (fromSpec == (args.has("trials") || args.has("recommendations"))) {
            throw new IllegalArgumentException("give either --spec SPEC or both --trials URI and --recommendations URI");
        }
        if (!fromSpec && !(args.has("trials") && args.has("recommendations"))) {
            throw new IllegalArgumentException("--trials and --recommendations go together; got only one of them");
        }
        SparkSession spark = MutuneSpark.getOrCreate(args.flag("master", System.getProperty("spark.master") == null ? "local[*]" : null));
        if (sweepId.equals(LATEST) && !fromSpec) {
            throw new IllegalArgumentException("sweep id 'latest' needs --spec, whose sweep name it looks up");
        }
        SweepSpec spec = fromSpec ? SweepSpecParser.parse(Path.of(args.flag("spec", null))) : null;
        if (sweepId.equals(LATEST)) {
            sweepId = Mutune.latestSweepId(spark, spec).orElseThrow(() -> new IllegalArgumentException(
                    "no sweep was started from spec " + spec.sweep() + " with checkpoints in " + spec.output().checkpoints()));
        }
        ReportOptions options = new ReportOptions(Path.of(args.flag("out", "mutune-report-" + sweepId)),
                args.has("coord-check") ? Path.of(args.flag("coord-check", null)) : null, !args.has("no-png"));
        ReportFiles files = fromSpec
                ? SweepReport.write(spark, spec, sweepId, options)
                : SweepReport.write(spark, args.flag("trials", null), args.flag("recommendations", null), sweepId,
                        args.flag("metric", "val_loss"), args.flag("mode", "min"), options);
        out.println("report: " + files.html().toAbsolutePath());
        out.println("charts: " + files.chartIds().size() + " (" + String.join(", ", files.chartIds()) + ")"
                + (files.pngs().isEmpty() ? "" : "; PNGs in " + files.html().getParent().resolve("png").toAbsolutePath()));
        return 0;
    }
}
