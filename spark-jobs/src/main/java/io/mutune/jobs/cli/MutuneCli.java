package io.mutune.jobs.cli;

import io.mutune.jobs.faults.CommandFailure;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The {@code mutune} command line, the same under {@code bin/mutune} (local Spark) and
 * {@code spark-submit --class io.mutune.jobs.cli.MutuneCli mutune-spark-jobs.jar}.
 */
public final class MutuneCli {
    private MutuneCli() { }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        // Exit explicitly: a cluster-mode SparkContext keeps non-daemon threads that would hold the JVM up;
        // Spark's shutdown hook stops the context.
        System.exit(code);
    }

    /**
     * Runs one command; returns the process exit code ({@link io.mutune.jobs.faults.ExitCode}). Every
     * failure prints one clear line, never a stack trace ({@link CommandFailure}).
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length == 0 || args[0].equals("--help") || args[0].equals("help")) {
            out.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        try {
            return switch (args[0]) {
                case "sweep" -> SweepCommand.run(CliArgs.parse(rest, SweepCommand.FLAGS), out);
                case "recommend" -> RecommendCommand.run(CliArgs.parse(rest, RecommendCommand.FLAGS), out);
                case "report" -> ReportCommand.run(CliArgs.parse(rest, ReportCommand.FLAGS), out);
                case "diff" -> DiffCommand.run(CliArgs.parse(rest, DiffCommand.FLAGS), out);
                default -> {
                    err.println("mutune: unknown command '" + args[0] + "'\n" + USAGE);
                    yield 2;
                }
            };
        } catch (Throwable e) {
            return CommandFailure.report(args[0], e, err);
        }
    }

    static final String USAGE = """
            usage: mutune <command> [options]
              sweep SPEC [--sweep-id ID | --resume | --nightly] [--master URL]
                  run the sweep that SPEC (YAML or JSON) describes, fit the transfer rules,
                  publish the recommendations, and print a summary.
                  --sweep-id ID  name the sweep; an ID whose journal has rows is resumed
                  --resume       resume the sweep last started from SPEC (after a killed driver)
                  --nightly      the sweep id is SPEC's name and today's UTC date (NAME-YYYYMMDD);
                                 a second run the same night resumes it, or does nothing if it finished
              recommend --table URI --family F --width W [--depth L --tokens T --batch B] [...]
                  print the recommended configuration for a target scale as JSON, with intervals
                  and provenance; an unpublished scale is computed from the stored rule
              report SWEEP_ID (--spec SPEC | --trials URI --recommendations URI) [--out FILE.html] [--no-png]
                  write a self-contained HTML report with inline SVG charts (and PNG copies)
              diff (--spec SPEC | --recommendations URI) [--from V --to V | --from-sweep A --to-sweep B] [--fail-on-move]
                  compare two publishes and flag hyperparameters that moved beyond their interval""";
}
