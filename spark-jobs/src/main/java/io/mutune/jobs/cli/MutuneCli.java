package io.mutune.jobs.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * The {@code mutune} command line, the same under {@code bin/mutune} (local Spark) and
 * {@code spark-submit --class io.mutune.jobs.cli.MutuneCli mutune-spark-jobs.jar}. Parsing, help,
 * {@code --version} and the completion script are picocli's; each subcommand is a class of its own.
 */
@Command(name = "mutune", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class, sortOptions = false,
        usageHelpAutoWidth = true,
        description = "Tune small proxy models on Spark, transfer the optima to the large run.",
        subcommands = {SweepCommand.class, ValidateCommand.class, RecommendCommand.class, TrialsCommand.class, ReportCommand.class, DiffCommand.class,
            AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class},
        footerHeading = "%nMore:%n",
        footer = {"  mutune COMMAND --help            the options of one command",
            "  source <(mutune generate-completion)   tab completion in bash or zsh"},
        exitCodeListHeading = "%nExit codes:%n")
public final class MutuneCli implements Runnable {
    @Mixin
    CommonOptions common;
    @Spec
    CommandSpec spec;
    private PrintStream out;
    private PrintStream err;

    private MutuneCli() { }

    public static void main(String[] args) {
        int code = run(args, System.out, System.err);
        // Exit explicitly: a cluster-mode SparkContext keeps non-daemon threads that would hold the JVM up;
        // Spark's shutdown hook stops the context.
        System.exit(code);
    }

    /**
     * Runs one command; returns the process exit code ({@link ExitCodes}). Every failure prints one
     * clear line ({@link CommandFailure}); only a bug's stack trace is kept, in a file the line names.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        MutuneCli root = new MutuneCli();
        root.out = out;
        root.err = err;
        CommandLine cli = new CommandLine(root);
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.getCommandSpec().usageMessage().exitCodeList(ExitCodes.help());
        cli.setParameterExceptionHandler(MutuneCli::usageError);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> CommandFailure.report(
                commandLine.getCommandName().equals("mutune") ? "mutune" : "mutune " + commandLine.getCommandName(), e, err, verbose(parsed)));
        cli.setExecutionStrategy(parsed -> {
            try (Verbosity v = Verbosity.of(verbose(parsed))) {
                return new CommandLine.RunLast().execute(parsed);
            }
        });
        try {
            return cli.execute(args);
        } catch (Error e) {
            // picocli hands only Exceptions to the handler: an Error (out of memory, a missing class) gets the same one line.
            return CommandFailure.report("mutune", e, err, false);
        }
    }

    /** Without a command: the usage, and the usage error's exit code. */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a command");
    }

    PrintStream out() {
        return out;
    }

    PrintStream err() {
        return err;
    }

    /** A bad option or argument: what was wrong, on one line, and where the help is. */
    private static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine c = e.getCommandLine();
        PrintWriter w = c.getErr();
        String name = c.getCommandSpec().qualifiedName();
        w.println(name + ": " + e.getMessage());
        if (c.getCommandSpec().subcommands().isEmpty()) {
            w.println("usage: " + c.getHelp().synopsis(0).trim());
        } else {
            w.println("commands: " + String.join(", ", c.getSubcommands().keySet()));
        }
        w.println("see: " + name + " --help");
        return ExitCodes.USER_ERROR;
    }

    private static boolean verbose(ParseResult parsed) {
        List<CommandLine> chain = parsed.asCommandLineList();
        return chain.stream().anyMatch(c -> c.getParseResult().hasMatchedOption("--verbose"));
    }
}
