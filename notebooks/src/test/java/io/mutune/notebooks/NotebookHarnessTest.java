package io.mutune.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The harness must fail on a notebook that does not compile, throws, or is not in Databricks source format. */
class NotebookHarnessTest {
    @TempDir
    Path dir;

    private DatabricksNotebook notebook(String... cells) throws Exception {
        Path f = dir.resolve("nb.scala");
        Files.writeString(f, DatabricksNotebook.HEADER + "\n" + String.join("\n\n" + DatabricksNotebook.SEPARATOR + "\n\n", cells) + "\n");
        return DatabricksNotebook.read(f);
    }

    @Test
    void aCellThatDoesNotCompileOrThrowsFailsTheNotebookAndNamesTheCell() throws Exception {
        DatabricksNotebook ok = notebook("// MAGIC %md\n// MAGIC # title", "val x = 1 + 1", "println(s\"x is $x\")");
        assertEquals(1, ok.cells().stream().filter(DatabricksNotebook.Cell::markdown).count());
        assertTrue(NotebookRunner.run(ok, null, Files.createDirectories(dir.resolve("c1"))).contains("x is 2"));

        NotebookRunner.CellFailed compile = assertThrows(NotebookRunner.CellFailed.class,
                () -> NotebookRunner.run(notebook("val x = 1", "val y: Int = \"not an int\""), null, Files.createDirectories(dir.resolve("c2"))));
        assertTrue(compile.getMessage().contains("code cell 2"), compile.getMessage());
        NotebookRunner.CellFailed thrown = assertThrows(NotebookRunner.CellFailed.class,
                () -> NotebookRunner.run(notebook("throw new IllegalStateException(\"boom\")"), null, Files.createDirectories(dir.resolve("c3"))));
        assertTrue(thrown.getMessage().contains("code cell 1"), thrown.getMessage());
    }

    @Test
    void aFileWithoutTheDatabricksHeaderIsRejected() throws Exception {
        Path f = dir.resolve("plain.scala");
        Files.writeString(f, "val x = 1\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DatabricksNotebook.read(f));
        assertTrue(e.getMessage().contains(DatabricksNotebook.HEADER), e.getMessage());
    }
}
