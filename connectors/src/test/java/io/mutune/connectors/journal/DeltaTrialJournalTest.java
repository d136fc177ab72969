package io.mutune.connectors.journal;

import io.mutune.connectors.LocalSpark;
import io.mutune.connectors.open.Tables;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class DeltaTrialJournalTest extends TrialJournalContract {
    @TempDir
    Path dir;

    @Override
    protected TrialJournal newJournal() {
        return Tables.journal(LocalSpark.session(), "delta:" + dir.resolve("trials"));
    }
}
