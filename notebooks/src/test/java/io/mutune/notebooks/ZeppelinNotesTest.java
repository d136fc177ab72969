package io.mutune.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Zeppelin notes are generated from the Databricks sources; this fails when a committed note
 * differs from what its source generates. Regenerate with
 * {@code ./mvnw -B -pl notebooks -am test -Dtest=ZeppelinNotesTest -Dsurefire.failIfNoSpecifiedTests=false -Dmutune.notebooks.regenerate=true}.
 */
class ZeppelinNotesTest {
    @Test
    void everyDatabricksNotebookHasAnIdenticalZeppelinNote() throws IOException {
        boolean regenerate = Boolean.getBoolean("mutune.notebooks.regenerate");
        List<Path> sources;
        try (Stream<Path> s = Files.list(Notebooks.databricksDir())) {
            sources = s.filter(p -> p.toString().endsWith(".scala")).sorted().toList();
        }
        List<String> stale = new ArrayList<>();
        for (Path src : sources) {
            DatabricksNotebook nb = DatabricksNotebook.read(src);
            String expected = ZeppelinNote.of(nb);
            Path note = Notebooks.zeppelinDir().resolve(nb.name() + ".zpln");
            if (regenerate) {
                Files.createDirectories(note.getParent());
                Files.writeString(note, expected);
            }
            if (!Files.exists(note) || !Files.readString(note).equals(expected)) {
                stale.add(note.toString());
                continue;
            }
            // The same cells, in the same order, after the displayHTML paragraph.
            List<String> texts = ZeppelinNote.cellTexts(Files.readString(note));
            assertEquals(nb.cells().size() + 1, texts.size());
            for (int i = 0; i < nb.cells().size(); i++) {
                assertEquals(nb.cells().get(i).text(), texts.get(i + 1), note + " paragraph " + (i + 1));
            }
        }
        assertTrue(stale.isEmpty(), "Zeppelin notes out of date with their Databricks sources (regenerate, see the class doc): " + stale);
        try (Stream<Path> s = Files.list(Notebooks.zeppelinDir())) {
            assertEquals(sources.size(), s.filter(p -> p.toString().endsWith(".zpln")).count(), "a Zeppelin note without a Databricks source");
        }
    }
}
