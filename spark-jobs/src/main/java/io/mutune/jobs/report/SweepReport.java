package io.mutune.jobs.report;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationTable;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.jobs.fit.FitJob;
import io.mutune.jobs.spec.SweepSpec;
import io.mutune.transfer.chart.FigurePng;
import io.mutune.transfer.recommend.Recommendation;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.SparkSession;

/**
 * Writes a sweep's report: {@code report.html}, one self-contained page of interactive Vega-Lite charts
 * (docs/report.md), and the x-y charts as {@code png/<chart>.png}, drawn by JFreeChart from the same figures.
 */
public final class SweepReport {
    private SweepReport() { }

    /** From a spec: the journal and table it names, the recommendations refitted from the journal as its publish did. */
    public static ReportFiles write(SparkSession spark, SweepSpec spec, String sweepId, ReportOptions options) {
        return write(inputs(spark, spec, sweepId, options.coordCheck()), options);
    }

    /** What a report of this sweep is drawn from, for callers that draw single charts (notebooks). */
    public static ReportInputs inputs(SparkSession spark, SweepSpec spec, String sweepId, Path coordCheck) {
        List<JournalRow> rows = Tables.journal(spark, spec.output().trials()).read(sweepId);
        List<Recommendation> recs = rows.isEmpty() ? List.of() : FitJob.recommend(spec, rows);
        RecommendationTable recTable = Tables.recommendations(spark, spec.output().recommendations());
        PublishDiff diff = PublishDiff.of(recTable, sweepId);
        return new ReportInputs(sweepId, spec.search().metric(), spec.search().mode(), rows, recs, published(recTable, diff, sweepId), coordCheck,
                SearchSpace.fromSpec(spec.search().space()), diff);
    }

    /** From the tables alone: the recommendations (with their evidence) are read back from the table's {@code rule} JSON. */
    public static ReportFiles write(SparkSession spark, String trialsUri, String recommendationsUri, String sweepId, String metric,
                                    String mode, ReportOptions options) {
        List<JournalRow> rows = Tables.journal(spark, trialsUri).read(sweepId);
        RecommendationTable recTable = Tables.recommendations(spark, recommendationsUri);
        PublishDiff diff = PublishDiff.of(recTable, sweepId);
        List<RecommendationRow> table = published(recTable, diff, sweepId);
        List<Recommendation> recs = table.stream().filter(r -> r.ruleJson() != null).map(r -> Recommendation.fromJson(r.ruleJson())).toList();
        return write(new ReportInputs(sweepId, metric, mode, rows, recs, table, options.coordCheck(), null, diff), options);
    }

    /** From inputs already read. */
    public static ReportFiles write(ReportInputs in, ReportOptions options) {
        ReportSections sections = ReportSections.of(in);
        try {
            Files.createDirectories(options.outDir());
            Path html = options.html();
            Files.writeString(html, HtmlPage.render(in, sections), StandardCharsets.UTF_8);
            List<Path> pngs = new ArrayList<>();
            if (options.pngs()) {
                Path dir = Files.createDirectories(options.pngDir());
                for (Chart c : sections.all()) {
                    if (c.figure() != null) {
                        Path p = dir.resolve(c.id() + ".png");
                        FigurePng.write(c.figure(), p);
                        pngs.add(p);
                    }
                }
            }
            return new ReportFiles(html, pngs, sections.all().stream().map(Chart::id).toList());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the report under " + options.outDir(), e);
        }
    }

    /** The rows the sweep's latest publish wrote, as the table had them right after it (a later sweep may have replaced them since). */
    private static List<RecommendationRow> published(RecommendationTable table, PublishDiff diff, String sweepId) {
        return diff == null ? List.of() : table.asOfVersion(diff.to()).stream().filter(r -> sweepId.equals(r.sweepId())).toList();
    }
}
