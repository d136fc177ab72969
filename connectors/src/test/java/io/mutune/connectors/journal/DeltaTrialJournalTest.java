package io.mutune.connectors.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mutune.connectors.LocalSpark;
import io.mutune.connectors.open.Tables;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeltaTrialJournalTest extends TrialJournalContract {
    @TempDir
    Path dir;

    @Override
    protected TrialJournal newJournal() {
        return Tables.journal(LocalSpark.session(), "delta:" + dir.resolve("trials"));
    }

    /**
     * A batch of rows is one data file, so a commit is one task: a driver commits every few seconds
     * on a cluster of many slots, and a file per slot (the session's parallelism) took a free core
     * per file and grew the table by that many files each commit.
     */
    @Test
    void eachAppendWritesOneDataFile() {
        TrialJournal j = newJournal();
        for (int batch = 0; batch < 3; batch++) {
            List<JournalRow> rows = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                rows.add(Journals.row("s1", batch * 40L + i, TrialStatus.COMPLETED, 0.1 * i));
            }
            j.append(rows);
        }
        assertEquals(120, j.read("s1").size());
        long files = LocalSpark.session().sql("DESCRIBE DETAIL delta.`" + dir.resolve("trials") + "`").first().getAs("numFiles");
        assertEquals(3, files, "one data file per append");
    }
}
