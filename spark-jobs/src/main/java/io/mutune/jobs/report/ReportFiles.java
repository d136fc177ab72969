package io.mutune.jobs.report;

import java.nio.file.Path;
import java.util.List;

/** What a report wrote: the HTML page, one PNG per chart, and the ids of the charts it drew. */
public record ReportFiles(Path html, List<Path> pngs, List<String> chartIds) {
    public ReportFiles {
        pngs = List.copyOf(pngs);
        chartIds = List.copyOf(chartIds);
    }
}
