package io.mutune.jobs.report;

import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.transfer.recommend.Recommendation;
import java.util.List;
import java.util.Locale;

/** The recommendations as an HTML table: the published rows when the table has them, else the fitted ones. */
final class RecommendationTableHtml {
    private RecommendationTableHtml() { }

    static String render(List<RecommendationRow> table, List<Recommendation> recs) {
        StringBuilder sb = new StringBuilder("<table class=\"recs\"><thead><tr><th>hyperparameter</th><th>target</th><th>value</th>"
                + "<th>interval</th><th>verdict</th><th>rule</th><th>evidence</th><th>version</th></tr></thead><tbody>\n");
        if (!table.isEmpty()) {
            for (RecommendationRow r : table) {
                row(sb, r.hyperparameter(), r.targetScale().toString(), r.value(), r.lower(), r.upper(), r.verdict(), r.ruleForm(),
                        r.evidenceTrials() + " trials, " + r.evidenceScalePoints() + " scales", String.valueOf(r.version()));
            }
        } else {
            for (Recommendation r : recs) {
                row(sb, r.hyperparameter(), r.targetScale().toString(), r.value(), r.lower(), r.upper(),
                        r.verdict().name().toLowerCase(Locale.ROOT), r.ruleForm(), r.trials() + " trials, " + r.scalePoints() + " scales", "not published");
            }
        }
        return sb.append("</tbody></table>\n").toString();
    }

    private static void row(StringBuilder sb, String hp, String target, double v, double lo, double hi, String verdict, String rule,
                            String evidence, String version) {
        sb.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%.5g</td><td>[%.5g, %.5g]</td><td class=\"verdict-%s\">%s</td>"
                        + "<td><code>%s</code></td><td>%s</td><td>%s</td></tr>%n",
                Html.escape(hp), Html.escape(target), v, lo, hi, Html.escape(verdict), Html.escape(verdict), Html.escape(rule),
                Html.escape(evidence), Html.escape(version)));
    }
}
