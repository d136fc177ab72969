package io.mutune.connectors.iceberg;

import io.mutune.connectors.LocalSpark;
import io.mutune.connectors.journal.TrialJournal;
import io.mutune.connectors.journal.TrialJournalContract;
import io.mutune.connectors.open.Tables;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class IcebergTrialJournalTest extends TrialJournalContract {
    @TempDir
    Path warehouse;

    @Override
    protected TrialJournal newJournal() {
        return Tables.journal(LocalSpark.session(), "iceberg:" + warehouse + "#mutune.trials");
    }
}
