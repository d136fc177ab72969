package io.mutune.jobs.cli;

import io.mutune.connectors.direct.DirectTables;
import io.mutune.connectors.launch.RecommendationReader;
import io.mutune.connectors.launch.TargetQuery;
import io.mutune.connectors.recommend.RecommendationSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code mutune recommend}: the recommended configuration for one target as JSON, each value with
 * its interval and provenance. Reads every table format without Spark (Delta Kernel, Iceberg's
 * core API, JDBC), so a launcher gets its answer in about a second.
 */
@Command(name = "recommend", sortOptions = false, usageHelpAutoWidth = true,
        description = {"Print the recommended configuration for a target scale as JSON, with intervals and provenance;",
            "an unpublished scale is computed from the stored rule. Reads the table without starting Spark."})
final class RecommendCommand implements Callable<Integer> {
    @ParentCommand
    MutuneCli root;
    @Option(names = "--table", required = true, paramLabel = "URI",
            description = "The recommendations table: delta:PATH, iceberg:WAREHOUSE#DB.TABLE or jdbc:postgresql://...&table=NAME.")
    String table;
    @Option(names = "--family", required = true, paramLabel = "F", description = "Model family, e.g. transformer.")
    String family;
    @Option(names = "--width", paramLabel = "W", description = "Target width.")
    Double width;
    @Option(names = "--depth", paramLabel = "L", description = "Target depth.")
    Double depth;
    @Option(names = "--tokens", paramLabel = "T", description = "Target token horizon, e.g. 3e11.")
    Double tokens;
    @Option(names = "--batch", paramLabel = "B", description = "Target batch size.")
    Double batch;
    @Option(names = "--parametrization", paramLabel = "P", description = "Pick one when the family has several (sp, mup, ...).")
    String parametrization;
    @Option(names = "--optimizer", paramLabel = "O", description = "Pick one when the family has several.")
    String optimizer;
    @ArgGroup(exclusive = true)
    Pin pin;
    @Option(names = "--master", paramLabel = "URL", hidden = true, description = "Accepted for old scripts; recommend starts no Spark.")
    String master;
    @Mixin
    CommonOptions common;
    // --version is the publish to pin, so this command has no -V; help only.
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help message and exit.")
    boolean help;

    /** What the launcher pins: a publish version or a sweep's latest publish. */
    static final class Pin {
        @Option(names = "--version", paramLabel = "N", description = "Read the table as publish N left it.")
        Long version;
        @Option(names = "--sweep", paramLabel = "ID", description = "Read the table as sweep ID's latest publish left it.")
        String sweep;
    }

    @Override
    public Integer call() {
        Map<String, Double> scale = new LinkedHashMap<>();
        putIfSet(scale, "width", width);
        putIfSet(scale, "depth", depth);
        putIfSet(scale, "tokens", tokens);
        putIfSet(scale, "batch", batch);
        TargetQuery query = new TargetQuery(family, parametrization, optimizer, scale);
        RecommendationSource source = DirectTables.recommendations(table);
        RecommendationReader reader = pin == null ? RecommendationReader.current(source)
                : pin.version != null ? RecommendationReader.asOfVersion(source, pin.version)
                : RecommendationReader.asOfSweep(source, pin.sweep);
        root.out().println(reader.read(query).toJson());
        return ExitCodes.OK;
    }

    private static void putIfSet(Map<String, Double> scale, String axis, Double v) {
        if (v != null) {
            scale.put(axis, v);
        }
    }
}
