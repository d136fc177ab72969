package io.mutune.jobs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.connectors.jdbc.JdbcPassword;
import io.mutune.connectors.jdbc.JdbcTarget;
import io.mutune.connectors.jdbc.JdbcTrialJournal;
import io.mutune.connectors.journal.JournalRow;
import io.mutune.jobs.cli.ExitCodes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The PostgreSQL server holding both tables is stopped while bin/mutune sweeps. Back within the
 * retry window, the sweep goes on and says it retried; gone for longer, the sweep stops with
 * exit code 5 and how often it tried, and --resume finishes it once the server is back. Either
 * way every trial is in the journal exactly once.
 */
class PostgresOutageIT {
    private static final int TRIALS = 12;
    @TempDir
    Path dir;
    private PostgresServerProcess pg;

    @BeforeEach
    void startServer() throws Exception {
        pg = PostgresServerProcess.start();
    }

    @AfterEach
    void stopServer() throws Exception {
        if (pg != null) {
            pg.close();
        }
    }

    private FaultSweep sweep(String name) throws Exception {
        FaultSweep s = new FaultSweep(Files.createDirectories(dir.resolve(name)));
        s.trials = pg.table(name + "_trials");
        s.recommendations = pg.table(name + "_recs");
        return s;
    }

    private Map<String, String> env(int retrySeconds) {
        return Map.of("MUTUNE_JAVA_OPTS", "-Xmx1g -Dmutune.io.retrySeconds=" + retrySeconds,
                JdbcPassword.FILE_ENV, pg.passwordFile.toString());
    }

    private List<JournalRow> journal(FaultSweep s, String sweepId) {
        return new JdbcTrialJournal(JdbcTarget.parse(s.trials), JdbcPassword.fromFile(pg.passwordFile)).read(sweepId);
    }

    @Test
    void aServerBackWithinTheRetryWindowCostsAPause() throws Exception {
        FaultSweep s = sweep("brief");
        Path spec = s.spec("brief", FaultSweep.sleepingTrial(0.7), TRIALS, "[64]", "{}");
        CliProcess run = CliProcess.start(s.dir, null, env(120), "sweep", spec.toString(), "--sweep-id", "brief-1", "--master", "local[2]");
        run.awaitLine("^\\[\\s+3\\] ", 240);
        pg.down();
        // Down until the sweep has tried and failed to commit at least once.
        run.awaitLine("the journal commit of .* failed \\(a dropped database connection", 60);
        pg.up();
        assertEquals(0, run.exitCode(240), run.output());
        Matcher m = Pattern.compile("\\(\\d+ commits, (\\d+) retried after transient faults\\)").matcher(run.output());
        assertTrue(m.find() && Integer.parseInt(m.group(1)) >= 1, run.output());
        FaultSweep.assertEveryTrialOnce(journal(s, "brief-1"), TRIALS);
    }

    @Test
    void aServerGoneLongerStopsTheSweepAndTheResumeFinishesIt() throws Exception {
        FaultSweep s = sweep("long");
        Path spec = s.spec("long", FaultSweep.sleepingTrial(0.7), TRIALS, "[64]", "{}");
        CliProcess run = CliProcess.start(s.dir, null, env(3), "sweep", spec.toString(), "--sweep-id", "long-1", "--master", "local[2]");
        run.awaitLine("^\\[\\s+3\\] ", 240);
        pg.down();
        assertEquals(ExitCodes.STOPPED, run.exitCode(120), run.output());
        String line = run.line("sweep");
        assertTrue(line.matches("mutune sweep: stopped: cannot append \\d+ rows? to the trial journal " + Pattern.quote(s.trials)
                + ": the journal commit of \\d+ rows? failed \\d+ times over \\d+\\.\\d s \\(a dropped database connection; .*"), line);
        assertTrue(line.contains("every row so far is in the write-ahead log") && line.contains("--sweep-id long-1 --resume"), line);

        pg.up();
        CliProcess resumed = CliProcess.start(s.dir, null, env(60), "sweep", spec.toString(), "--sweep-id", "long-1", "--resume",
                "--master", "local[2]");
        assertEquals(0, resumed.exitCode(240), resumed.output());
        FaultSweep.assertEveryTrialOnce(journal(s, "long-1"), TRIALS);
    }
}
