package io.mutune.jobs.report;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The report as one self-contained HTML page: inline CSS, inline SVG charts, no scripts. */
final class HtmlPage {
    private static final String CSS = """
            body{font-family:sans-serif;margin:24px;color:#222;max-width:1360px}
            h1{font-size:22px}h2{font-size:17px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}
            .charts{display:flex;flex-wrap:wrap;gap:12px}
            figure{margin:0;border:1px solid #e4e4e4;padding:4px}
            figcaption{font-size:12px;color:#555;max-width:640px}
            table.recs{border-collapse:collapse;font-size:13px}
            table.recs td,table.recs th{border:1px solid #ccc;padding:3px 8px;text-align:left}
            .verdict-insufficient{color:#b00}.muted{color:#777;font-size:13px}
            """;

    private HtmlPage() { }

    static String render(ReportInputs in, ReportSections s) {
        StringBuilder sb = new StringBuilder();
        sb.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>mutune sweep ")
                .append(Html.escape(in.sweepId())).append("</title><style>").append(CSS).append("</style></head><body>\n");
        sb.append("<h1>mutune sweep <code>").append(Html.escape(in.sweepId())).append("</code></h1>\n");
        long trials = in.rows().stream().map(r -> r.trialId()).distinct().count();
        long scales = in.rows().stream().map(r -> r.scaleKey()).distinct().count();
        sb.append(String.format(Locale.ROOT, "<p class=\"muted\">%d trials over %d scale points; metric %s (%s). Written %s.</p>%n",
                trials, scales, Html.escape(in.metric()), Html.escape(in.mode()), Instant.now()));
        sb.append("<h2>Recommendations</h2>\n").append(RecommendationTableHtml.render(in.table(), in.recs()));
        section(sb, "loss", "Loss against each hyperparameter per scale point", s.loss(), "no completed trials");
        section(sb, "optima", "Optimum against scale, with the fitted rule", s.optima(), "no rule was fitted");
        section(sb, "curves", "Learning curves", s.curves(), "the journal has no learning curves");
        if (!s.lineage().isEmpty()) {
            section(sb, "lineage", "PBT lineage", s.lineage(), "");
        }
        if (!s.coordCheck().isEmpty()) {
            section(sb, "coord-check", "Coordinate check", s.coordCheck(), "");
        }
        return sb.append("</body></html>\n").toString();
    }

    private static void section(StringBuilder sb, String id, String title, List<Chart> charts, String empty) {
        sb.append("<h2 id=\"").append(id).append("\">").append(Html.escape(title)).append("</h2>\n");
        if (charts.isEmpty()) {
            sb.append("<p class=\"muted\">").append(Html.escape(empty)).append(".</p>\n");
            return;
        }
        sb.append("<div class=\"charts\">\n");
        for (Chart c : charts) {
            sb.append("<figure>").append(SvgChart.render(c));
            if (c.note() != null) {
                sb.append("<figcaption>").append(Html.escape(c.note())).append("</figcaption>");
            }
            sb.append("</figure>\n");
        }
        sb.append("</div>\n");
    }
}
