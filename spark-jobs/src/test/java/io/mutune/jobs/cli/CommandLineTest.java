package io.mutune.jobs.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help, version, completion, and one-line errors with their exit codes. None starts Spark. */
class CommandLineTest {
    @TempDir
    Path dir;

    private record Ran(int code, String out, String err) { }

    private static Ran run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = MutuneCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Ran(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void everyCommandHasHelpListingEveryOption() {
        Ran top = run("--help");
        assertEquals(0, top.code());
        for (String command : new String[] {"sweep", "recommend", "trials", "report", "diff", "generate-completion"}) {
            assertTrue(top.out().contains(command), "mutune --help lists " + command + ":\n" + top.out());
        }
        assertTrue(top.out().contains("Exit codes:") && top.out().contains("2   bad input"), top.out());
        Ran sweep = run("sweep", "--help");
        assertEquals(0, sweep.code(), sweep.err());
        for (String option : new String[] {"--sweep-id", "--resume", "--nightly", "--master", "--verbose"}) {
            assertTrue(sweep.out().contains(option), "sweep --help shows " + option + ":\n" + sweep.out());
        }
        assertFalse(sweep.out().contains("[...]"), sweep.out());
        Ran recommend = run("recommend", "--help");
        assertEquals(0, recommend.code());
        assertTrue(recommend.out().contains("--version=N") && recommend.out().contains("--tokens=T"), recommend.out());
        assertTrue(run("help", "report").out().contains("--out=FILE.html|DIR"));
    }

    @Test
    void dashHIsHelpNotASpecFile() {
        Ran r = run("sweep", "-h");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().startsWith("Usage: mutune sweep"), r.out());
    }

    @Test
    void versionNamesTheGitRevision() {
        Ran r = run("--version");
        assertEquals(0, r.code());
        assertTrue(r.out().matches("(?s)mutune .*\\ngit revision [0-9a-f]{7,}.*"), r.out());
    }

    @Test
    void theCompletionScriptCompletesEveryCommand() {
        Ran r = run("generate-completion");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("complete -F") && r.out().contains("sweep validate recommend trials report diff"), r.out().lines().limit(40).toList().toString());
    }

    @Test
    void aMissingSpecIsOneLineAndExitCodeTwo() {
        Path spec = dir.resolve("nope.yaml");
        Ran r = run("sweep", spec.toString());
        assertEquals(ExitCodes.USER_ERROR, r.code());
        assertEquals("mutune sweep: " + spec + ": no such file\n", r.err());
    }

    @Test
    void anUnknownOptionNamesItAndWhereTheHelpIs() throws Exception {
        Path spec = Files.writeString(dir.resolve("s.yaml"), "sweep: x\n");
        Ran r = run("sweep", spec.toString(), "--bogus");
        assertEquals(ExitCodes.USER_ERROR, r.code());
        assertTrue(r.err().startsWith("mutune sweep: Unknown option: '--bogus'"), r.err());
        assertTrue(r.err().contains("see: mutune sweep --help"), r.err());
        Ran none = run();
        assertEquals(ExitCodes.USER_ERROR, none.code());
        assertTrue(none.err().contains("commands: sweep, validate, recommend, trials, report, diff"), none.err());
        Ran bad = run("frobnicate");
        assertEquals(ExitCodes.USER_ERROR, bad.code());
    }

    @Test
    void nightlyWithAnIdIsRefusedBeforeAnythingRuns() throws Exception {
        Ran r = run("sweep", dir.resolve("any.yaml").toString(), "--nightly", "--sweep-id", "x");
        assertEquals(ExitCodes.USER_ERROR, r.code());
        assertTrue(r.err().startsWith("mutune sweep: --nightly derives the sweep id"), r.err());
    }

    @Test
    void severalSpecsNeedOneSweepIdEachBeforeAnythingRuns() {
        Ran r = run("sweep", dir.resolve("a.yaml").toString(), dir.resolve("b.yaml").toString(), "--sweep-id", "x");
        assertEquals(ExitCodes.USER_ERROR, r.code());
        assertEquals("mutune sweep: --sweep-id: give one per SPEC, in their order (2 specs, 1 ids)\n", r.err());
    }
}
