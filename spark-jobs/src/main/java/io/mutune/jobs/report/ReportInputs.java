package io.mutune.jobs.report;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.transfer.recommend.Recommendation;
import java.nio.file.Path;
import java.util.List;

/**
 * Everything a report is drawn from.
 *
 * @param rows        the sweep's journal rows, in event order
 * @param recs        the recommendations fitted from them (with their evidence), possibly empty
 * @param table       the recommendations table's rows of this sweep
 * @param coordCheck  a coordinate-check CSV ({@link CoordCheckCharts}), or null when none was run
 * @param space       the spec's search space, or null when the report is made from the tables alone (it is then read off the trials)
 * @param diff        what the sweep's publish changed in the table, or null when it did not publish
 */
public record ReportInputs(String sweepId, String metric, String mode, List<JournalRow> rows, List<Recommendation> recs,
                           List<RecommendationRow> table, Path coordCheck, SearchSpace space, PublishDiff diff) {
    public ReportInputs {
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("sweep '" + sweepId + "' has no trials in the journal; nothing to report");
        }
        rows = List.copyOf(rows);
        recs = List.copyOf(recs);
        table = List.copyOf(table);
    }

    /** Inputs without a declared space or a publish diff. */
    public ReportInputs(String sweepId, String metric, String mode, List<JournalRow> rows, List<Recommendation> recs,
                        List<RecommendationRow> table, Path coordCheck) {
        this(sweepId, metric, mode, rows, recs, table, coordCheck, null, null);
    }
}
