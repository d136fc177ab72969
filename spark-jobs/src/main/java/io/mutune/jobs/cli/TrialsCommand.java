package io.mutune.jobs.cli;

import io.mutune.connectors.direct.JournalListing;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.spec.SweepSpecParser;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code mutune trials SWEEP_ID --trials URI}: a sweep's journal, one line per row in the order
 * the driver wrote them, read without Spark (Delta Kernel, Iceberg's core API, JDBC).
 */
@Command(name = "trials", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class, sortOptions = false, usageHelpAutoWidth = true,
        description = {"List a sweep's trial journal: trial, scale point, config, seed, replicate, status, resource, metric,",
            "duration, attempt and message of every row, in the order the driver wrote them. Reads the table without Spark."})
final class TrialsCommand implements Callable<Integer> {
    @ParentCommand
    MutuneCli root;
    @Parameters(index = "0", paramLabel = "SWEEP_ID", description = "The sweep.")
    String sweepId;
    @ArgGroup(exclusive = true, multiplicity = "1")
    Journal journal;
    @Option(names = "--format", paramLabel = "table|csv|json", defaultValue = "table",
            description = "table (aligned, for reading; the default), csv or json.")
    String format;
    @Option(names = "--metric", paramLabel = "NAME", description = "The metric column (default: the spec's search.metric, else val_loss).")
    String metric;
    @Mixin
    CommonOptions common;

    /** The journal: named by a spec, or directly. */
    static final class Journal {
        @Option(names = "--trials", paramLabel = "URI", description = "The trial journal: delta:PATH, iceberg:WAREHOUSE#DB.TABLE or jdbc:postgresql://...")
        String trials;
        @Option(names = "--spec", paramLabel = "SPEC", description = "The sweep's spec (its output.trials and search.metric).")
        Path spec;
    }

    @Override
    public Integer call() {
        JournalListingFormat f = switch (format.toLowerCase(Locale.ROOT)) {
            case "table" -> JournalListingFormat.TABLE;
            case "csv" -> JournalListingFormat.CSV;
            case "json" -> JournalListingFormat.JSON;
            default -> throw new IllegalArgumentException("--format must be table, csv or json, got '" + format + "'");
        };
        SweepSpec spec = journal.spec == null ? null : SweepSpecParser.parse(journal.spec);
        String uri = spec == null ? journal.trials : spec.output().trials();
        String shown = metric != null ? metric : spec != null ? spec.search().metric() : "val_loss";
        List<Map<String, Object>> rows = JournalListing.rows(uri, sweepId);
        if (rows.isEmpty() && f == JournalListingFormat.TABLE) {
            throw new IllegalArgumentException("sweep '" + sweepId + "' has no rows in " + uri);
        }
        f.print(root.out(), rows, shown);
        return ExitCodes.OK;
    }
}
