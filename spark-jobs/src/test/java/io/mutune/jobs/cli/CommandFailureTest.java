package io.mutune.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.jobs.faults.OneLine;
import io.mutune.jobs.faults.SweepStopped;
import java.io.FileNotFoundException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import org.apache.spark.SparkException;
import org.junit.jupiter.api.Test;

/** How a command's failure becomes one line and an exit code. */
class CommandFailureTest {

    @Test
    void badInputAndFaultsOfTablesAreExitTwoAndOneLine() {
        CommandFailure.Verdict spec = CommandFailure.of(new IllegalArgumentException("search.space.lr: bounds are inverted\nmore"));
        assertEquals(ExitCodes.USER_ERROR, spec.code());
        assertEquals("search.space.lr: bounds are inverted", spec.line());

        Exception refused = new IllegalStateException("cannot connect to jdbc:postgresql://db:5432/m?user=u: Connection refused",
                new SQLException("Connection refused", "08001"));
        assertEquals(ExitCodes.USER_ERROR, CommandFailure.of(refused).code());
    }

    @Test
    void sparksJobWrappersGiveWayToWhatTheyWrap() {
        Exception denied = new SparkException("Job aborted due to stage failure: Task 0 in stage 6.0 failed 1 times, most recent failure:"
                + " Lost task 0.0 in stage 6.0 (TID 5) (host executor driver): java.io.FileNotFoundException: /lake/t/part-0.parquet"
                + " (Permission denied)\nDriver stacktrace: ...", new FileNotFoundException("/lake/t/part-0.parquet (Permission denied)"));
        assertEquals("/lake/t/part-0.parquet (Permission denied)", OneLine.of(denied));
        assertEquals(ExitCodes.USER_ERROR, CommandFailure.of(denied).code());
    }

    @Test
    void aStoppedSweepIsExitFiveWithItsResumeCommand() {
        SweepStopped s = new SweepStopped("cannot append 3 rows to the trial journal delta:/lake/t: Permission denied", null)
                .withResume("mutune sweep /specs/a.yaml --sweep-id a-1 --resume");
        CommandFailure.Verdict v = CommandFailure.of(s);
        assertEquals(ExitCodes.STOPPED, v.code());
        assertEquals("stopped: cannot append 3 rows to the trial journal delta:/lake/t: Permission denied;"
                + " after fixing it, resume with: mutune sweep /specs/a.yaml --sweep-id a-1 --resume", v.line());
    }

    @Test
    void secretsNeverReachTheLine() {
        String line = CommandFailure.of(new IllegalStateException("cannot connect to jdbc:postgresql://db/m?user=u&password=hunter2&sslpassword=x2"
                + " or https://alice:s3cret@store/bucket", new SQLException("refused", "08001"))).line();
        assertFalse(line.contains("hunter2") || line.contains("s3cret") || line.contains("x2"), line);
        assertTrue(line.contains("password=****") && line.contains("//alice:****@store"), line);
    }

    @Test
    void aBugIsExitOneWithItsStackTraceInAFileNotOnTheConsole() throws Exception {
        CommandFailure.Verdict v = CommandFailure.of(new NullPointerException("tuner is null"));
        assertEquals(ExitCodes.INTERNAL, v.code());
        assertTrue(v.line().startsWith("unexpected NullPointerException: tuner is null (a mutune bug; the stack trace is in "), v.line());
        Path file = Path.of(v.line().substring(v.line().indexOf(" is in ") + 7, v.line().length() - 1));
        assertTrue(Files.readString(file).contains("at io.mutune.jobs.cli.CommandFailureTest"), file.toString());
        Files.delete(file);
    }
}
