package io.mutune.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.jobs.session.MutuneSpark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Executes every Databricks notebook under notebooks/databricks, cell by cell, in file-name
 * order, on one local[2] session and one lake folder; a notebook that no longer compiles or runs
 * fails the build. Some notebooks also get checks of what they left behind.
 */
class NotebooksExecuteTest {
    private static Path work;
    private static SparkSession spark;

    /** What a notebook must have shown or printed, beyond running: checks that could fail. */
    private static final Map<String, String> MUST_PRINT = Map.of(
            "01-quickstart-sweep", "published version",
            "03-publish-and-read", "value_at_2048",
            "04-external-training-command", "12 of 12 trials completed");

    @BeforeAll
    static void session() throws IOException {
        work = Files.createTempDirectory("mutune-notebooks");
        Path classes = Files.createDirectories(work.resolve("repl-classes"));
        // Read by SparkConf when the context starts: the driver then serves cell classes to executors.
        System.setProperty("spark.repl.class.outputDir", classes.toString());
        System.setProperty("mutune.lake", work.resolve("lake").toString());
        spark = MutuneSpark.getOrCreate("local[2]");
    }

    @AfterAll
    static void stop() {
        spark.stop();
        System.clearProperty("spark.repl.class.outputDir");
        System.clearProperty("mutune.lake");
    }

    @TestFactory
    Stream<DynamicTest> everyNotebookRuns() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(Notebooks.databricksDir())) {
            files = s.filter(p -> p.toString().endsWith(".scala")).sorted().toList();
        }
        assertEquals(4, files.size(), "expected the four notebooks, got " + files);
        return files.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> {
            DatabricksNotebook nb = DatabricksNotebook.read(f);
            NotebookDisplay.drain();
            String output = NotebookRunner.run(nb, spark, work.resolve("repl-classes"));
            List<String> shown = NotebookDisplay.drain();
            String must = MUST_PRINT.get(nb.name());
            if (must != null) {
                assertTrue(output.contains(must), nb.name() + " should print '" + must + "'; it printed:\n" + tail(output));
            }
            if (nb.name().equals("02-inspect-a-sweep")) {
                // loss-vs-lr, the two learning-curve charts, the optimum chart: three displays.
                assertEquals(3, shown.size(), "notebook 2 displayed " + shown.size() + " chart blocks");
                assertTrue(shown.stream().allMatch(h -> h.startsWith("<div class=\"mutune-charts\"") && h.contains("vegaEmbed")),
                        "chart blocks that draw themselves");
                assertTrue(shown.get(1).contains("id=\"chart-curves-w32\"") && shown.get(1).contains("id=\"chart-curves-w64\""), "both widths' curves");
                assertTrue(Files.exists(work.resolve("lake/report/report.html")));
            } else {
                assertFalse(output.isEmpty());
            }
        }));
    }

    private static String tail(String s) {
        return s.length() < 3000 ? s : s.substring(s.length() - 3000);
    }
}
