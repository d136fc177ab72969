package io.mutune.jobs.report;

import java.nio.file.Path;
import java.util.List;

/** What a report wrote: the HTML page, one PNG per x-y chart, and the ids of all the charts it drew. */
public record ReportFiles(Path html, List<Path> pngs, List<String> chartIds) {
    public ReportFiles {
        pngs = List.copyOf(pngs);
        chartIds = List.copyOf(chartIds);
    }
}
