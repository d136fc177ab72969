package io.mutune.jobs.cli;

import io.mutune.connectors.table.TableUri;
import io.mutune.jobs.diff.DiffEntry;
import io.mutune.jobs.diff.RecommendationDiff;
import io.mutune.jobs.diff.TableVersions;
import io.mutune.connectors.open.Tables;
import io.mutune.jobs.session.MutuneSpark;
import io.mutune.jobs.spec.SweepSpecParser;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * {@code mutune diff (--spec SPEC | --recommendations URI) [--from V | --from-sweep ID] [--to V | --to-sweep ID] [--fail-on-move]}:
 * compares two versions of the recommendations table (Delta time travel; by default the newest
 * version and the one before it) and flags hyperparameters that moved beyond their interval.
 */
final class DiffCommand {
    static final Set<String> FLAGS = Set.of("spec", "recommendations", "from", "to", "from-sweep", "to-sweep", "fail-on-move!", "master");
    /** Exit code when {@code --fail-on-move} is given and something moved, so a scheduler can alert. */
    static final int MOVED_EXIT = 3;

    private DiffCommand() { }

    static int run(CliArgs args, PrintStream out) {
        if (!args.positional().isEmpty()) {
            throw new IllegalArgumentException("diff takes no positional arguments, got " + args.positional());
        }
        if (args.has("spec") == args.has("recommendations")) {
            throw new IllegalArgumentException("give either --spec SPEC or --recommendations URI");
        }
        String uri = args.has("spec") ? SweepSpecParser.parse(Path.of(args.flag("spec", null))).output().recommendations()
                : args.flag("recommendations", null);
        TableVersions versions = new TableVersions(Tables.recommendations(MutuneSpark.getOrCreate(args.flag("master",
                System.getProperty("spark.master") == null ? "local[*]" : null)), uri));
        long to = args.has("to-sweep") ? versions.ofSweep(args.flag("to-sweep", null)) : parseVersion(args.flag("to", null), versions.latest(), "--to");
        long from = args.has("from-sweep") ? versions.ofSweep(args.flag("from-sweep", null)) : parseVersion(args.flag("from", null), to - 1, "--from");
        if (from < 1) {
            throw new IllegalArgumentException("version " + to + " of " + uri + " has no earlier version to compare with");
        }
        List<DiffEntry> entries = RecommendationDiff.compare(versions.rowsAt(from), versions.rowsAt(to));
        print(out, uri, from, to, entries);
        return args.has("fail-on-move") && !RecommendationDiff.moved(entries).isEmpty() ? MOVED_EXIT : 0;
    }

    private static long parseVersion(String s, long fallback, String flag) {
        if (s == null) {
            return fallback;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(flag + " must be a Delta version number, got '" + s + "'");
        }
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
