package io.mutune.connectors.iceberg;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.mutune.connectors.LocalSpark;
import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.Journals;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.journal.TrialJournalContract;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.connectors.open.Tables;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IcebergTrialJournalTest extends TrialJournalContract {
    @TempDir
    Path warehouse;

    @Override
    protected TrialJournal newJournal() {
        return Tables.journal(LocalSpark.session(), "iceberg:" + warehouse + "#mutune.trials");
    }

    /** A batch of rows is one data file, so a commit is one Spark task however many cores the session has. */
    @Test
    void eachAppendWritesOneDataFile() throws IOException {
        TrialJournal j = newJournal();
        for (int batch = 0; batch < 3; batch++) {
            List<JournalRow> rows = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                rows.add(Journals.row("s1", batch * 40L + i, TrialStatus.COMPLETED, 0.1 * i));
            }
            j.append(rows);
        }
        assertEquals(120, j.read("s1").size());
        try (var paths = Files.walk(warehouse)) {
            long files = paths.filter(p -> p.toString().endsWith(".parquet") && p.toString().contains("/data/")).count();
            assertEquals(3, files, "one data file per append");
        }
    }
}
