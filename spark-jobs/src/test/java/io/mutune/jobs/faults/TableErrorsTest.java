package io.mutune.jobs.faults;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.jobs.cli.ExitCodes;
import io.mutune.jobs.cli.MutuneCli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A table that cannot be reached, or is not there, is one line and exit code 2 for every command
 * that reads or writes one: recommend, trials, report, diff, validate and sweep.
 */
class TableErrorsTest {
    @TempDir
    Path dir;

    /** A PostgreSQL URL on a loopback port nothing listens on. */
    private static String nobodyListening(String table) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        return "jdbc:postgresql://127.0.0.1:" + port + "/mutune?user=mutune&table=" + table;
    }

    private static void assertOneLine(FaultSweep.Result r, String command, String mentions) {
        assertEquals(ExitCodes.USER_ERROR, r.code(), r.out());
        List<String> ours = r.lines("mutune " + command + ": ");
        assertEquals(1, ours.size(), r.out());
        assertTrue(ours.get(0).contains(mentions), ours.get(0));
        assertFalse(r.out().contains("\tat ") || r.out().contains("Exception in thread"), "no stack trace: " + r.out());
    }

    @Test
    void anUnreachableDatabaseIsOneLineForEveryCommand() throws Exception {
        String recs = nobodyListening("recs");
        String server = recs.substring(0, recs.indexOf('&'));
        assertOneLine(FaultSweep.cli("recommend", "--table", recs, "--family", "mlp", "--width", "1024"), "recommend",
                "cannot connect to " + server);
        assertOneLine(FaultSweep.cli("diff", "--recommendations", recs), "diff", "cannot connect to " + server);
        assertOneLine(withoutSpark("trials", "s-1", "--trials", recs.replace("table=recs", "table=trials")), "trials", "cannot connect to " + server);
        assertOneLine(FaultSweep.cli("report", "s-1", "--trials", recs.replace("table=recs", "table=trials"), "--recommendations", recs,
                "--out", dir.resolve("report").toString()), "report", "cannot connect to " + server);
        FaultSweep s = new FaultSweep(dir);
        s.trials = nobodyListening("trials");
        Path spec = s.spec("pg", FaultSweep.sleepingTrial(0), 2, "[64]", "{}");
        FaultSweep.Result sweep = FaultSweep.cli("sweep", spec.toString());
        assertOneLine(sweep, "sweep", "output.trials: cannot open " + s.trials);
        assertEquals(0, s.starts());
        assertOneLine(FaultSweep.cli("validate", "--spec", spec.toString(), "--recommendations", recs, "--target", "width=1024"), "validate",
                "cannot connect to " + server);
    }

    /** A command that starts no Spark, and so takes no --master. */
    private static FaultSweep.Result withoutSpark(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream print = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int code = MutuneCli.run(args, print, print);
        return new FaultSweep.Result(code, bytes.toString(StandardCharsets.UTF_8));
    }

    @Test
    void aDeltaPathWithNoTableSaysSo() {
        String nowhere = "delta:" + dir.resolve("no-such-table");
        assertOneLine(FaultSweep.cli("recommend", "--table", nowhere, "--family", "mlp", "--width", "1024"), "recommend",
                "no table at " + nowhere);
        assertOneLine(FaultSweep.cli("diff", "--recommendations", nowhere), "diff", "no table at " + nowhere);
        assertFalse(Files.exists(dir.resolve("no-such-table")), "no command made a table there");
    }
}
