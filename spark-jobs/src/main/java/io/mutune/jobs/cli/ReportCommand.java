package io.mutune.jobs.cli;

import io.mutune.jobs.api.Mutune;
import io.mutune.jobs.report.ReportFiles;
import io.mutune.jobs.report.ReportOptions;
import io.mutune.jobs.report.SweepReport;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.spec.SweepSpecParser;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code mutune report}: one self-contained HTML page of interactive charts about a sweep that
 * opens offline, and the x-y charts as PNG files. Written under {@code ~/.mutune/reports/SWEEP_ID/}
 * unless {@code --out} says where; never into the working directory by default.
 */
@Command(name = "report", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Write a self-contained HTML report of a sweep (and PNG copies of its charts).")
final class ReportCommand implements Callable<Integer> {
    /** The sweep id that means the sweep last started from the spec (what {@code sweep --resume} resumes), for nightly jobs. */
    static final String LATEST = "latest";
    @ParentCommand
    MutuneCli root;
    @Parameters(index = "0", paramLabel = "SWEEP_ID", description = "The sweep, or 'latest' (with --spec) for the sweep last started from that spec.")
    String sweepId;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;
    @Option(names = "--metric", paramLabel = "NAME", defaultValue = "val_loss", description = "With --trials: the metric (default ${DEFAULT-VALUE}).")
    String metric;
    @Option(names = "--mode", paramLabel = "min|max", defaultValue = "min", description = "With --trials: min or max (default ${DEFAULT-VALUE}).")
    String mode;
    @Option(names = "--out", paramLabel = "FILE.html|DIR",
            description = {"Where the report goes: FILE.html (PNGs in FILE-png/ beside it) or a folder (report.html and png/ in it).",
                "Default: ~/.mutune/reports/SWEEP_ID/report.html."})
    Path out;
    @Option(names = "--coord-check", paramLabel = "CSV", description = "A coordinate-check CSV to chart as well.")
    Path coordCheck;
    @Option(names = "--no-png", description = "Skip the PNG copies of the charts.")
    boolean noPng;
    @Mixin
    SparkOptions spark;
    @Mixin
    CommonOptions common;

    /** Where the sweep's tables are: named by its spec, or given directly. */
    static final class Source {
        @Option(names = "--spec", required = true, paramLabel = "SPEC", description = "The sweep's spec (its output tables).")
        Path spec;
        @ArgGroup(exclusive = false)
        Tables tables;
    }

    /** The two tables, given together. */
    static final class Tables {
        @Option(names = "--trials", required = true, paramLabel = "URI", description = "The trial journal.")
        String trials;
        @Option(names = "--recommendations", required = true, paramLabel = "URI", description = "The recommendations table.")
        String recommendations;
    }

    @Override
    public Integer call() {
        PrintStream console = root.out();
        SweepSpec spec = source.spec == null ? null : SweepSpecParser.parse(source.spec);
        if (sweepId.equals(LATEST) && spec == null) {
            throw new IllegalArgumentException("sweep id 'latest' needs --spec, whose sweep name it looks up");
        }
        if (!mode.equals("min") && !mode.equals("max")) {
            throw new IllegalArgumentException("--mode must be min or max, got '" + mode + "'");
        }
        SparkSession session = spark.session("local[*]");
        String id = !sweepId.equals(LATEST) ? sweepId : Mutune.latestSweepId(session, spec).orElseThrow(() -> new IllegalArgumentException(
                "no sweep was started from spec " + spec.sweep() + " with checkpoints in " + spec.output().checkpoints()));
        ReportOptions options = options(id);
        ReportFiles files = spec != null ? SweepReport.write(session, spec, id, options)
                : SweepReport.write(session, source.tables.trials, source.tables.recommendations, id, metric, mode, options);
        console.println("report: " + files.html().toAbsolutePath());
        console.println("charts: " + files.chartIds().size() + " (" + String.join(", ", files.chartIds()) + ")"
                + (files.pngs().isEmpty() ? "" : "; PNGs in " + options.pngDir().toAbsolutePath()));
        return ExitCodes.OK;
    }

    private ReportOptions options(String id) {
        boolean pngs = !noPng;
        if (out == null) {
            return new ReportOptions(defaultFolder(id), coordCheck, pngs);
        }
        String name = out.getFileName() == null ? "" : out.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".html") || name.endsWith(".htm") ? ReportOptions.toFile(out, coordCheck, pngs)
                : new ReportOptions(out, coordCheck, pngs);
    }

    /** Out of the working directory: a user runs mutune from a source checkout, and reports pile up there. */
    static Path defaultFolder(String sweepId) {
        return Path.of(System.getProperty("user.home"), ".mutune", "reports", sweepId);
    }
}
