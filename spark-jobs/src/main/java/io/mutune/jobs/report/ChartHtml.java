package io.mutune.jobs.report;

import java.util.List;

/**
 * Charts as one HTML fragment that draws itself wherever HTML may run scripts, offline: a notebook's
 * {@code displayHTML}, a page of one's own. It carries the chart libraries, as the report does.
 */
public final class ChartHtml {
    private ChartHtml() { }

    public static String of(List<Chart> charts) {
        StringBuilder sb = new StringBuilder("<div class=\"mutune-charts\">\n");
        HtmlPage.figures(sb, charts);
        return sb.append(HtmlPage.specs(charts)).append(ChartLibraries.scripts()).append("</div>\n").toString();
    }
}
