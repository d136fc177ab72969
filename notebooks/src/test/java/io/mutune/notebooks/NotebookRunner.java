package io.mutune.notebooks;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.apache.spark.sql.SparkSession;
import scala.tools.nsc.Settings;
import scala.tools.nsc.interpreter.IMain;
import scala.tools.nsc.interpreter.Results;
import scala.tools.nsc.interpreter.shell.ReplReporterImpl;

/**
 * Executes a notebook's code cells in order in the Scala 2.13 interpreter, as a notebook server
 * would: {@code spark} bound to the session, {@code displayHTML} defined, the test classpath (the
 * project's classes and jars) visible. Compiled cell classes go to {@code classDir}, which the
 * session serves to executors (spark.repl.class.outputDir), so classes a cell defines run in tasks.
 */
final class NotebookRunner {
    private NotebookRunner() { }

    /** Thrown when a cell does not compile or throws; the message names the cell and holds the interpreter's output. */
    static final class CellFailed extends RuntimeException {
        CellFailed(String message) {
            super(message);
        }
    }

    static String run(DatabricksNotebook nb, SparkSession spark, Path classDir) {
        StringWriter out = new StringWriter();
        Settings settings = new Settings();
        settings.processArgumentString("-usejavacp -Yrepl-outdir " + classDir.toAbsolutePath());
        IMain repl = new IMain(settings, new ReplReporterImpl(settings, new PrintWriter(out, true)));
        try {
            check(nb, "binding spark", repl.bind("spark", SparkSession.class.getName(), spark, scala.collection.immutable.List$.MODULE$.empty()), out);
            check(nb, "defining displayHTML",
                    repl.interpret("def displayHTML(html: String): Unit = io.mutune.notebooks.NotebookDisplay.show(html)"), out);
            int i = 0;
            for (String cell : nb.codeCells()) {
                i++;
                int before = out.getBuffer().length();
                // println in a cell writes to scala.Console.out, not to the interpreter's reporter.
                java.io.ByteArrayOutputStream printed = new java.io.ByteArrayOutputStream();
                Results.Result r = scala.Console$.MODULE$.withOut(new java.io.PrintStream(printed, true, java.nio.charset.StandardCharsets.UTF_8),
                        (scala.Function0<Results.Result>) () -> repl.interpret(cell));
                out.write(printed.toString(java.nio.charset.StandardCharsets.UTF_8));
                if (!(r instanceof Results.Success$)) {
                    throw new CellFailed(nb.name() + " code cell " + i + " " + r + ":\n" + cell + "\n--- interpreter output ---\n"
                            + out.getBuffer().substring(before));
                }
            }
            return out.toString();
        } finally {
            repl.close();
        }
    }

    private static void check(DatabricksNotebook nb, String what, Results.Result r, StringWriter out) {
        if (!(r instanceof Results.Success$)) {
            throw new CellFailed(nb.name() + ": " + what + " failed: " + out);
        }
    }
}
