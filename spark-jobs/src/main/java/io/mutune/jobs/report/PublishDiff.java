package io.mutune.jobs.report;

import io.mutune.connectors.recommend.PublishRecord;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.jobs.diff.DiffEntry;
import io.mutune.jobs.diff.RecommendationDiff;
import java.util.List;
import java.util.Locale;

/**
 * What the sweep's publish changed in the recommendations table: the table right after it against
 * the table right after the publish before it, as {@code mutune diff} compares them.
 *
 * @param from the previous publish's version, or 0 when the sweep's publish was the table's first
 */
public record PublishDiff(long from, long to, List<DiffEntry> entries) {
    public PublishDiff {
        entries = List.copyOf(entries);
    }

    /** The diff of {@code sweepId}'s latest publish, or null when the sweep never published to the table. */
    static PublishDiff of(RecommendationTable table, String sweepId) {
        List<PublishRecord> history = table.history();
        long to = history.stream().filter(p -> sweepId.equals(p.sweepId())).mapToLong(PublishRecord::version).max().orElse(-1);
        if (to < 0) {
            return null;
        }
        long from = history.stream().mapToLong(PublishRecord::version).filter(v -> v < to).max().orElse(0);
        return new PublishDiff(from, to, RecommendationDiff.compare(from == 0 ? List.of() : table.asOfVersion(from), table.asOfVersion(to)));
    }

    /** One line per entry, flat, for {@link RecordTable}. */
    List<Row> rows() {
        return entries.stream().map(d -> new Row(d.hyperparameter(), d.targetScale().toString(), d.change().name().toLowerCase(Locale.ROOT),
                side(d.before()), side(d.after()), Double.isFinite(d.relativeChange()) ? String.format(Locale.ROOT, "%+.1f%%", 100 * d.relativeChange()) : "",
                d.family(), d.parametrization(), d.optimizer())).toList();
    }

    private static String side(DiffEntry.Side s) {
        return s == null ? "" : String.format(Locale.ROOT, "%.5g [%.5g, %.5g] %s (v%d, %s)", s.value(), s.lower(), s.upper(), s.verdict(), s.version(), s.sweepId());
    }

    /** A diff entry as the report's table shows it. */
    record Row(String hyperparameter, String target, String change, String before, String after, String relativeChange,
               String family, String parametrization, String optimizer) { }
}
