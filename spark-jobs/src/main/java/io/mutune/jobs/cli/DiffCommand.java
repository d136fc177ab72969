package io.mutune.jobs.cli;

import io.mutune.connectors.open.Tables;
import io.mutune.jobs.diff.DiffEntry;
import io.mutune.jobs.diff.RecommendationDiff;
import io.mutune.jobs.diff.TableVersions;
import io.mutune.jobs.spec.SweepSpecParser;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code mutune diff}: compares two versions of the recommendations table (Delta time travel; by
 * default the newest version and the one before it) and flags hyperparameters that moved beyond
 * their interval.
 */
@Command(name = "diff", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class, sortOptions = false, usageHelpAutoWidth = true,
        description = "Compare two publishes of the recommendations table and flag hyperparameters that moved beyond their interval.")
final class DiffCommand implements Callable<Integer> {
    @ParentCommand
    MutuneCli root;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Table table;
    @ArgGroup(exclusive = true)
    From from;
    @ArgGroup(exclusive = true)
    To to;
    @Option(names = "--fail-on-move", description = "Exit with code " + ExitCodes.MOVED + " when something moved, so a scheduler can alert.")
    boolean failOnMove;
    @Mixin
    SparkOptions spark;
    @Mixin
    CommonOptions common;

    /** The table: named by a spec, or directly. */
    static final class Table {
        @Option(names = "--spec", paramLabel = "SPEC", description = "The spec whose output.recommendations to compare.")
        Path spec;
        @Option(names = "--recommendations", paramLabel = "URI", description = "The recommendations table (Delta).")
        String recommendations;
    }

    /** The older side. */
    static final class From {
        @Option(names = "--from", paramLabel = "V", description = "The older Delta version (default: the one before --to).")
        Long version;
        @Option(names = "--from-sweep", paramLabel = "ID", description = "The version sweep ID published.")
        String sweep;
    }

    /** The newer side. */
    static final class To {
        @Option(names = "--to", paramLabel = "V", description = "The newer Delta version (default: the newest).")
        Long version;
        @Option(names = "--to-sweep", paramLabel = "ID", description = "The version sweep ID published.")
        String sweep;
    }

    @Override
    public Integer call() {
        String uri = table.spec != null ? SweepSpecParser.parse(table.spec).output().recommendations() : table.recommendations;
        TableVersions versions = new TableVersions(Tables.recommendations(spark.session("local[*]"), uri));
        long newer = to == null ? versions.latest() : to.sweep != null ? versions.ofSweep(to.sweep) : to.version;
        long older = from == null ? newer - 1 : from.sweep != null ? versions.ofSweep(from.sweep) : from.version;
        if (older < 1) {
            throw new IllegalArgumentException("version " + newer + " of " + uri + " has no earlier version to compare with");
        }
        List<DiffEntry> entries = RecommendationDiff.compare(versions.rowsAt(older), versions.rowsAt(newer));
        print(root.out(), uri, older, newer, entries);
        return failOnMove && !RecommendationDiff.moved(entries).isEmpty() ? ExitCodes.MOVED : ExitCodes.OK;
    }

    private static void print(PrintStream out, String uri, long from, long to, List<DiffEntry> entries) {
        out.printf(Locale.ROOT, "mutune diff %s: version %d -> %d%n", uri, from, to);
        for (DiffEntry d : entries) {
            String b = d.before() == null ? "-" : String.format(Locale.ROOT, "%.5g [%.5g, %.5g]", d.before().value(), d.before().lower(), d.before().upper());
            String a = d.after() == null ? "-" : String.format(Locale.ROOT, "%.5g [%.5g, %.5g]", d.after().value(), d.after().lower(), d.after().upper());
            out.printf(Locale.ROOT, "  %-7s %-14s at %s: %s -> %s%s%n", d.change().name().toLowerCase(Locale.ROOT), d.hyperparameter(), d.targetScale(),
                    b, a, Double.isFinite(d.relativeChange()) ? String.format(Locale.ROOT, "  (%+.1f%%)", 100 * d.relativeChange()) : "");
        }
        long moved = RecommendationDiff.moved(entries).size();
        out.println(moved == 0 ? "no hyperparameter moved beyond its interval" : moved + " hyperparameter(s) moved beyond their interval");
    }
}
