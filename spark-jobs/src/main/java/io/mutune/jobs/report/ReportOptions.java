package io.mutune.jobs.report;

import java.nio.file.Path;

/**
 * Where a report goes and what it adds.
 *
 * @param outDir      receives {@code report.html} and {@code png/*.png}
 * @param coordCheck  a coordinate-check CSV to chart, or null
 * @param pngs        whether to write the PNG copies of the charts
 */
public record ReportOptions(Path outDir, Path coordCheck, boolean pngs) {
    public ReportOptions {
        if (outDir == null) {
            throw new IllegalArgumentException("a report needs an output folder, got null");
        }
    }

    public static ReportOptions defaults(Path outDir) {
        return new ReportOptions(outDir, null, true);
    }

    public ReportOptions withCoordCheck(Path csv) {
        return new ReportOptions(outDir, csv, pngs);
    }
}
