package io.mutune.jobs.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * The report as one self-contained HTML page: inline CSS, the chart specs as inline JSON, and the
 * chart libraries inlined ({@link ChartLibraries}), so it opens offline from a file.
 */
final class HtmlPage {
    private static final String CSS = """
            body{font-family:sans-serif;margin:24px;color:#222;max-width:1480px}
            h1{font-size:22px}h2{font-size:17px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}
            nav a{margin-right:12px;font-size:13px}
            .charts{display:flex;flex-wrap:wrap;gap:12px}
            figure{margin:0;border:1px solid #e4e4e4;padding:4px}
            figcaption{font-size:12px;color:#555;max-width:600px}
            .table{overflow-x:auto}table{border-collapse:collapse;font-size:12px;margin-bottom:10px}
            td,th{border:1px solid #ccc;padding:3px 6px;text-align:left;vertical-align:top}
            th{background:#f4f4f4}details pre{white-space:pre-wrap;max-width:480px;margin:2px 0}
            td[data-value=insufficient]{color:#b00}td[data-value=moved]{color:#b00;font-weight:bold}
            .muted{color:#777;font-size:13px}
            #vg-tooltip-element td.value{white-space:normal;word-break:break-all;max-width:460px}
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
        sb.append("<nav><a href=\"#recommendations\">recommendations</a><a href=\"#diff\">diff</a><a href=\"#loss\">loss</a>"
                + "<a href=\"#optima\">optima</a><a href=\"#curves\">curves</a><a href=\"#lineage\">lineage</a>"
                + "<a href=\"#parallel\">parallel coordinates</a><a href=\"#importance\">importance</a></nav>\n");
        sb.append("<h2 id=\"recommendations\">Recommendations</h2>\n");
        if (!in.table().isEmpty()) {
            sb.append("<p class=\"muted\">As this sweep published them").append(in.diff() == null ? "" : " (publish " + in.diff().to() + ")")
                    .append(", with their provenance.</p>\n")
                    .append(RecordTable.html("recs", in.table()));
        } else if (!in.recs().isEmpty()) {
            sb.append("<p class=\"muted\">Not published: as fitted from the journal.</p>\n").append(RecordTable.html("recs", in.recs()));
        } else {
            sb.append("<p class=\"muted\">none: no rule was fitted.</p>\n");
        }
        diff(sb, in.diff(), s.diff());
        section(sb, "loss", "Loss against each hyperparameter per scale point", s.loss(), "no completed trials");
        section(sb, "optima", "Optimum against scale, with the fitted rule", s.optima(), "no rule was fitted");
        section(sb, "curves", "Learning curves", s.curves(), "the journal has no learning curves");
        section(sb, "lineage", "PBT lineage and the winning schedule", s.lineage(), "not a population-based sweep");
        section(sb, "parallel", "Parallel coordinates", s.parallel(), "fewer than two comparable trials per scale point");
        section(sb, "importance", "Hyperparameter importance", s.importance(), "too few trials per scale point");
        if (!s.coordCheck().isEmpty()) {
            section(sb, "coord-check", "Coordinate check", s.coordCheck(), "");
        }
        sb.append(specs(s.all())).append(ChartLibraries.scripts());
        return sb.append("</body></html>\n").toString();
    }

    private static void diff(StringBuilder sb, PublishDiff d, List<Chart> charts) {
        sb.append("<h2 id=\"diff\">Diff against the previous publish</h2>\n");
        if (d == null) {
            sb.append("<p class=\"muted\">The sweep did not publish to the table.</p>\n");
            return;
        }
        sb.append(String.format(Locale.ROOT, "<p class=\"muted\">%s</p>%n", d.from() == 0
                ? "Publish " + d.to() + " was the table's first."
                : "Publish " + d.to() + " (this sweep) against publish " + d.from() + ", as <code>mutune diff --from " + d.from()
                        + " --to " + d.to() + "</code> compares them."));
        sb.append(RecordTable.html("diff", d.rows()));
        figures(sb, charts);
    }

    private static void section(StringBuilder sb, String id, String title, List<Chart> charts, String empty) {
        sb.append("<h2 id=\"").append(id).append("\">").append(Html.escape(title)).append("</h2>\n");
        if (charts.isEmpty()) {
            sb.append("<p class=\"muted\">").append(Html.escape(empty)).append(".</p>\n");
            return;
        }
        figures(sb, charts);
    }

    /** Each chart's element and caption; the script that draws them finds them by id. */
    static void figures(StringBuilder sb, List<Chart> charts) {
        sb.append("<div class=\"charts\">\n");
        for (Chart c : charts) {
            sb.append("<figure><div class=\"chart\" id=\"chart-").append(c.id()).append("\"></div>");
            if (c.note() != null) {
                sb.append("<figcaption>").append(Html.escape(c.note())).append("</figcaption>");
            }
            sb.append("</figure>\n");
        }
        sb.append("</div>\n");
    }

    /** Every chart's spec by id in a JSON script element, escaped so that "</" cannot end the element early. */
    static String specs(List<Chart> charts) {
        ObjectNode all = VegaLite.object();
        charts.forEach(c -> all.set(c.id(), c.spec()));
        try {
            return "<script type=\"application/json\" class=\"mutune-charts\">" + VegaLite.JSON.writeValueAsString(all).replace("</", "<\\/")
                    + "</script>\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the charts' specs", e);
        }
    }
}
