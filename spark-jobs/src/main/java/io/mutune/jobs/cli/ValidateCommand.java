package io.mutune.jobs.cli;

import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.spec.SweepSpecParser;
import io.mutune.jobs.validate.ValidateJob;
import io.mutune.jobs.validate.ValidationPlan;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/**
 * {@code mutune validate}: train the recommended configuration at a target (or an intermediate
 * scale) with held-out seeds beside an lr bracket, and record the measured gap and lr ratio in
 * the recommendations table. The spec says which proxy to train and where the journal is.
 */
@Command(name = "validate", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = {"Train the recommended configuration at a target scale with held-out seeds, beside the lr a factor",
            "--bracket below and above it, and record the gap and the lr ratio in the recommendations table."})
final class ValidateCommand implements Callable<Integer> {
    @ParentCommand
    MutuneCli root;
    @Option(names = "--spec", required = true, paramLabel = "SPEC", description = "The sweep spec whose proxy and journal the validation uses.")
    Path specFile;
    @Option(names = "--recommendations", paramLabel = "URI", description = "The recommendations table; default: the spec's output.recommendations.")
    String recommendations;
    @Option(names = "--target", required = true, split = ",", paramLabel = "AXIS=VALUE",
            description = "The scale to validate at, e.g. width=2048 or width=1024,depth=4.")
    Map<String, Double> target = new LinkedHashMap<>();
    @Option(names = "--seeds", paramLabel = "N", defaultValue = "3", description = "Held-out seeds per configuration (default ${DEFAULT-VALUE}).")
    int seeds;
    @Option(names = "--bracket", paramLabel = "FACTOR", defaultValue = "2", description = "The factor between the lr bracket's points (default ${DEFAULT-VALUE}).")
    double bracket;
    @Option(names = "--hyperparameter", paramLabel = "NAME", defaultValue = "lr", description = "The hyperparameter to bracket (default ${DEFAULT-VALUE}).")
    String hyperparameter;
    @Mixin
    SparkOptions spark;
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() {
        SweepSpec spec = SweepSpecParser.parse(specFile);
        ValidationPlan plan = new ValidationPlan(target, seeds, bracket, hyperparameter);
        ValidateJob.check(spec, plan);
        ValidateJob.run(spark.session("local[*]"), spec, recommendations == null ? spec.output().recommendations() : recommendations,
                plan, root.out(), Clock.systemUTC());
        return ExitCodes.OK;
    }
}
