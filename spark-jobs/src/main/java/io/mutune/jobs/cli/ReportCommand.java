package io.mutune.jobs.cli;

import io.mutune.jobs.report.ReportFiles;
import io.mutune.jobs.report.ReportOptions;
import io.mutune.jobs.report.SweepReport;
import io.mutune.jobs.session.MutuneSpark;
import io.mutune.jobs.spec.SweepSpecParser;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * {@code mutune report SWEEP_ID (--spec SPEC | --trials URI --recommendations URI) [--out DIR]}:
 * one self-contained HTML page with inline SVG charts, and the same charts as PNG files.
 */
final class ReportCommand {
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
        ReportOptions options = new ReportOptions(Path.of(args.flag("out", "mutune-report-" + sweepId)),
                args.has("coord-check") ? Path.of(args.flag("coord-check", null)) : null, !args.has("no-png"));
        SparkSession spark = MutuneSpark.getOrCreate(args.flag("master", System.getProperty("spark.master") == null ? "local[*]" : null));
        ReportFiles files = fromSpec
                ? SweepReport.write(spark, SweepSpecParser.parse(Path.of(args.flag("spec", null))), sweepId, options)
                : SweepReport.write(spark, args.flag("trials", null), args.flag("recommendations", null), sweepId,
                        args.flag("metric", "val_loss"), args.flag("mode", "min"), options);
        out.println("report: " + files.html().toAbsolutePath());
        out.println("charts: " + files.chartIds().size() + " (" + String.join(", ", files.chartIds()) + ")"
                + (files.pngs().isEmpty() ? "" : "; PNGs in " + files.html().getParent().resolve("png").toAbsolutePath()));
        return 0;
    }
}
