package io.mutune.jobs.report;

import java.nio.file.Path;

/**
 * Where a report goes and what it adds.
 *
 * @param outDir      receives the HTML page and the folder of PNG copies
 * @param htmlName    the page's file name, {@code report.html} unless the user named the file
 * @param coordCheck  a coordinate-check CSV to chart, or null
 * @param pngs        whether to write the PNG copies of the charts
 */
public record ReportOptions(Path outDir, String htmlName, Path coordCheck, boolean pngs) {
    private static final String DEFAULT_HTML = "report.html";

    public ReportOptions {
        if (outDir == null) {
            throw new IllegalArgumentException("a report needs an output folder, got null");
        }
        if (htmlName == null || htmlName.isBlank() || htmlName.contains("/")) {
            throw new IllegalArgumentException("a report's page needs a plain file name, got '" + htmlName + "'");
        }
    }

    /** {@code report.html} and {@code png/} in {@code outDir}. */
    public ReportOptions(Path outDir, Path coordCheck, boolean pngs) {
        this(outDir, DEFAULT_HTML, coordCheck, pngs);
    }

    public static ReportOptions defaults(Path outDir) {
        return new ReportOptions(outDir, null, true);
    }

    /** The page the user named ({@code --out FILE.html}); its PNGs go to {@code FILE-png/} beside it. */
    public static ReportOptions toFile(Path html, Path coordCheck, boolean pngs) {
        Path absolute = html.toAbsolutePath().normalize();
        return new ReportOptions(absolute.getParent(), absolute.getFileName().toString(), coordCheck, pngs);
    }

    public ReportOptions withCoordCheck(Path csv) {
        return new ReportOptions(outDir, htmlName, csv, pngs);
    }

    /** The HTML page. */
    public Path html() {
        return outDir.resolve(htmlName);
    }

    /** The folder of PNG copies: {@code png/} beside {@code report.html}, else {@code NAME-png/} beside {@code NAME.html}. */
    public Path pngDir() {
        if (htmlName.equals(DEFAULT_HTML)) {
            return outDir.resolve("png");
        }
        int dot = htmlName.lastIndexOf('.');
        return outDir.resolve((dot > 0 ? htmlName.substring(0, dot) : htmlName) + "-png");
    }
}
