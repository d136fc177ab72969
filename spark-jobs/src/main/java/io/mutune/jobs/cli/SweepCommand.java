package io.mutune.jobs.cli;

import io.mutune.jobs.spec.SweepSpec;
import io.mutune.jobs.spec.SweepSpecParser;
import io.mutune.jobs.validate.ValidateJob;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code mutune sweep SPEC...}: sweep, fit, publish, summarise. A sweep id whose journal already has
 * rows is resumed: the journal is replayed, what the dead driver left running is re-run, and a
 * sweep that finished and was published is left alone. The publish never replaces a row with a
 * weaker one unless {@code --force} is given, and prints what it kept. Several specs run at once
 * in one application, each in its own FAIR pool, sharing the slots by their
 * {@code resources.weight}; their lines carry the sweep's name.
 */
@Command(name = "sweep", mixinStandardHelpOptions = true, versionProvider = BuildVersion.class, sortOptions = false, usageHelpAutoWidth = true,
        description = {"Run the sweep that SPEC (YAML or JSON) describes, fit the transfer rules, publish the recommendations,"
            + " and print a summary. A sweep whose journal already has rows is resumed. Several SPECs run at once,"
            + " sharing the cluster by their resources.weight."})
final class SweepCommand implements Callable<Integer> {
    @ParentCommand
    MutuneCli root;
    @Parameters(arity = "1..*", paramLabel = "SPEC", description = "The sweep spec, e.g. examples/quickstart.yaml; several run side by side.")
    List<Path> specFiles;
    @Option(names = "--sweep-id", paramLabel = "ID", description = {"Name the sweep; an ID whose journal has rows is resumed.",
        "With several SPECs, give it once per SPEC, in their order."})
    List<String> sweepIds;
    @Option(names = "--resume", description = "Resume the sweep last started from each SPEC (after a killed driver).")
    boolean resume;
    @Option(names = "--nightly", description = {"The sweep id is SPEC's name and today's UTC date (NAME-YYYYMMDD);",
        "a second run the same night resumes it, or does nothing if it finished."})
    boolean nightly;
    @Option(names = "--force", description = {"Publish every row, even where the table's row has a stronger verdict or more",
        "evidence (by default such rows are kept, and the output says so)."})
    boolean force;
    @Mixin
    SparkOptions spark;
    @Mixin
    CommonOptions common;

    @Override
    public Integer call() throws Exception {
        if (sweepIds != null && sweepIds.size() != specFiles.size()) {
            throw new IllegalArgumentException("--sweep-id: give one per SPEC, in their order (" + specFiles.size() + " specs, "
                    + sweepIds.size() + " ids)");
        }
        // Every spec is read before anything runs: a bad one fails the command while nothing has started.
        // The options are checked before any spec is read, so a wrong combination says so first.
        List<SweepStart> starts = new ArrayList<>();
        for (int i = 0; i < specFiles.size(); i++) {
            starts.add(SweepStart.of(nightly, sweepIds == null ? null : sweepIds.get(i), resume));
        }
        List<SweepOfSpec> sweeps = new ArrayList<>();
        for (int i = 0; i < specFiles.size(); i++) {
            String id = sweepIds == null ? null : sweepIds.get(i);
            SweepSpec spec = SweepSpecParser.parse(specFiles.get(i));
            if (spec.validate() != null) {
                ValidateJob.check(spec, spec.validate());
            }
            sweeps.add(new SweepOfSpec(spec, specFiles.get(i), starts.get(i), id, resume, force));
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < sweeps.size(); i++) {
            if (!names.add(sweeps.get(i).spec().sweep())) {
                throw new IllegalArgumentException(specFiles.get(i) + ": sweep: '" + sweeps.get(i).spec().sweep()
                        + "' is also the name of another SPEC given; sweeps run side by side need names of their own");
            }
        }
        SparkSession session = spark.session("local[*]");
        if (sweeps.size() == 1) {
            return sweeps.get(0).run(session, root.out(), System.console() != null, spark.master);
        }
        return runSideBySide(sweeps, session);
    }

    /** Each sweep in a thread of its own; the command fails with the first failure, after the others finished. */
    private int runSideBySide(List<SweepOfSpec> sweeps, SparkSession session) throws Exception {
        List<Thread> threads = new ArrayList<>();
        Exception[] failures = new Exception[sweeps.size()];
        int[] codes = new int[sweeps.size()];
        for (int i = 0; i < sweeps.size(); i++) {
            int k = i;
            String name = specFiles.get(i).getFileName().toString().replaceFirst("\\.(ya?ml|json)$", "");
            PrintStream out = new PrefixedLines(root.out(), "[" + name + "] ").printStream();
            Thread t = new Thread(() -> {
                try {
                    codes[k] = sweeps.get(k).run(session, out, false, spark.master);
                } catch (Exception e) {
                    failures[k] = e;
                }
            }, "mutune-sweep-" + name);
            threads.add(t);
            t.start();
        }
        for (Thread t : threads) {
            t.join();
        }
        Exception first = null;
        for (int i = 0; i < failures.length; i++) {
            if (failures[i] == null) {
                continue;
            }
            if (first == null) {
                first = failures[i];
            } else {
                root.err().println("mutune sweep: " + specFiles.get(i) + ": " + failures[i].getMessage());
            }
        }
        if (first != null) {
            String spec = specFiles.get(java.util.Arrays.asList(failures).indexOf(first)).toString();
            throw first instanceof IllegalArgumentException ? new IllegalArgumentException(spec + ": " + first.getMessage(), first) : first;
        }
        return java.util.Arrays.stream(codes).max().orElse(ExitCodes.OK);
    }
}
