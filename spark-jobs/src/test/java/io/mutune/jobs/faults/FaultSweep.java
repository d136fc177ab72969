package io.mutune.jobs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
import io.mutune.jobs.cli.MutuneCli;
import io.mutune.jobs.session.MutuneSpark;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A small sweep for the fault tests: random search over lr at the given widths, each trial a bash
 * script (by default: sleep, touch a file named after the trial, print a loss), its tables and
 * checkpoints under one folder. The tests vary the locations, the script and the faults they inject.
 */
final class FaultSweep {
    static final String MASTER = "local[2]";
    final Path dir;
    final Path started;
    String trials;
    String recommendations;
    String checkpoints;

    FaultSweep(Path dir) throws IOException {
        this.dir = dir;
        this.started = Files.createDirectories(dir.resolve("started"));
        this.trials = "delta:" + dir.resolve("lake/trials");
        this.recommendations = "delta:" + dir.resolve("lake/recs");
        this.checkpoints = "file:" + dir.resolve("ckpt");
    }

    /** A trial that sleeps {@code seconds}, leaves a file per start in {@link #started}, and reports a loss that is best at lr = 0.01. */
    static String sleepingTrial(double seconds) {
        return "touch \"$STARTED/$MUTUNE_TRIAL_ID.$RANDOM$RANDOM\"\nsleep " + seconds + "\n"
                + "echo \"{\\\"val_loss\\\": $(awk -v lr=$MUTUNE_HP_LR 'BEGIN { x = log(lr / 0.01); print 1 + x * x }')}\"\n";
    }

    /** Writes the spec (and its trial script) and returns its path. */
    Path spec(String name, String script, int trialsPerScale, String widths, String resources) throws IOException {
        Path scriptFile = dir.resolve(name + ".sh");
        Files.writeString(scriptFile, script);
        Path spec = dir.resolve(name + ".yaml");
        Files.writeString(spec, """
                sweep: %s
                seed: 3
                proxy: {model: command, command: ["bash", "%s"], env: {STARTED: "%s"}}
                scales: {width: %s}
                search:
                  space: {lr: {float: [1.0e-4, 1.0], log: true}}
                  resource: {max: 10}
                  trials_per_scale: %d
                resources: %s
                targets: [{width: 1024}]
                output: {trials: "%s", recommendations: "%s", checkpoints: "%s"}
                """.formatted(name, scriptFile, started, widths, trialsPerScale, resources, trials, recommendations, checkpoints));
        return spec;
    }

    /** What a command printed (stdout and stderr together) and its exit code. */
    record Result(int code, String out) {
        /** The lines that start with {@code prefix}. */
        List<String> lines(String prefix) {
            return out.lines().filter(l -> l.startsWith(prefix)).toList();
        }
    }

    /** Runs {@code mutune ARGS --master local[2]} in this JVM, as bin/mutune would. */
    static Result cli(String... args) {
        return cli(new ByteArrayOutputStream(), args);
    }

    /** As {@link #cli(String...)}, printing into {@code bytes}, which another thread may read while the command runs. */
    static Result cli(ByteArrayOutputStream bytes, String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--master", MASTER));
        PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = MutuneCli.run(all.toArray(String[]::new), print, print);
        return new Result(code, bytes.toString(StandardCharsets.UTF_8));
    }

    /** How many times trials were started (files the script left). */
    long starts() throws IOException {
        try (var files = Files.list(started)) {
            return files.count();
        }
    }

    List<JournalRow> journal(String sweepId) {
        return Tables.journal(MutuneSpark.getOrCreate(MASTER), trials).read(sweepId);
    }

    /**
     * The journal holds every trial of a finished sweep exactly once: each of the {@code expected}
     * trial ids ended once (apart from attempts journalled as stale), each seq number once, no gap.
     * Returns trial id -> its ending row.
     */
    static Map<String, JournalRow> assertEveryTrialOnce(List<JournalRow> rows, int expected) {
        Set<Long> seqs = new HashSet<>();
        for (JournalRow r : rows) {
            assertTrue(seqs.add(r.seq()), "seq " + r.seq() + " is in the journal twice: " + r);
        }
        assertEquals(new TreeSet<>(seqs), new TreeSet<>(java.util.stream.LongStream.range(0, rows.size()).boxed().toList()),
                "the journal's seq numbers have a gap");
        Map<String, JournalRow> ended = new TreeMap<>();
        for (JournalRow r : rows) {
            if (r.status().isTerminal() && r.status() != TrialStatus.STALE) {
                assertEquals(null, ended.put(r.trialId(), r), "trial " + r.trialId() + " ended twice");
            }
        }
        assertEquals(expected, ended.size(), "trials that ended: " + ended.keySet());
        return ended;
    }
}
