package io.mutune.jobs.cli;

import io.mutune.connectors.launch.RecommendationReader;
import io.mutune.connectors.launch.TargetQuery;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.jobs.session.MutuneSpark;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * {@code mutune recommend --table T --family F --width W [--depth L --tokens T --batch B]
 * [--parametrization P --optimizer O] [--version N | --sweep ID]}: prints the recommended
 * configuration for one target as JSON, each value with its interval and provenance. A JDBC table
 * is read without starting Spark.
 */
final class RecommendCommand {
    static final Set<String> FLAGS = Set.of("table", "family", "width", "depth", "tokens", "batch",
            "parametrization", "optimizer", "version", "sweep", "master");
    private static final List<String> AXES = List.of("width", "depth", "tokens", "batch");

    private RecommendCommand() { }

    static int run(CliArgs args, PrintStream out) {
        if (!args.positional().isEmpty()) {
            throw new IllegalArgumentException("takes no positional arguments, got " + args.positional());
        }
        if (args.has("version") && args.has("sweep")) {
            throw new IllegalArgumentException("give --version or --sweep, not both");
        }
        String uri = required(args, "table");
        Map<String, Double> scale = new LinkedHashMap<>();
        for (String axis : AXES) {
            if (args.has(axis)) {
                scale.put(axis, number(args, axis));
            }
        }
        TargetQuery query = new TargetQuery(required(args, "family"), args.flag("parametrization", null), args.flag("optimizer", null), scale);
        SparkSession spark = uri.startsWith("jdbc:") ? null
                : MutuneSpark.getOrCreate(args.flag("master", System.getProperty("spark.master") == null ? "local[1]" : null));
        RecommendationTable table = Tables.recommendations(spark, uri);
        RecommendationReader reader;
        if (args.has("version")) {
            reader = RecommendationReader.asOfVersion(table, (long) number(args, "version"));
        } else if (args.has("sweep")) {
            reader = RecommendationReader.asOfSweep(table, args.flag("sweep", null));
        } else {
            reader = RecommendationReader.current(table);
        }
        out.println(reader.read(query).toJson());
        return 0;
    }

    private static String required(CliArgs args, String flag) {
        String v = args.flag(flag, null);
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("--" + flag + " is required");
        }
        return v;
    }

    private static double number(CliArgs args, String flag) {
        String v = args.flag(flag, null);
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException | NullPointerException e) {
            throw new IllegalArgumentException("--" + flag + " must be a number, got '" + v + "'", e);
        }
    }
}
