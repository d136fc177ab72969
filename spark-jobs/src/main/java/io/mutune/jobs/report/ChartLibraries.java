package io.mutune.jobs.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The JavaScript the page inlines: Vega, Vega-Lite and vega-embed as the build took them from the
 * npm registry (spark-jobs/src/main/js/package-lock.json), and the page's own few lines that embed
 * the charts ({@code report.js}). All come from the jar; nothing is fetched when the page opens.
 */
final class ChartLibraries {
    private static final String[] BUNDLES = {
        "js/vega/build/vega.min.js", "js/vega-lite/build/vega-lite.min.js", "js/vega-embed/build/vega-embed.min.js", "report.js"};
    private static volatile String scripts;

    private ChartLibraries() { }

    /** Every script as one {@code <script>} element each, in load order. */
    static String scripts() {
        if (scripts == null) {
            StringBuilder sb = new StringBuilder();
            for (String b : BUNDLES) {
                sb.append("<script>").append(read(b)).append("</script>\n");
            }
            scripts = sb.toString();
        }
        return scripts;
    }

    private static String read(String name) {
        try (InputStream in = ChartLibraries.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("the report's chart library " + name + " is not in the jar; build it with "
                        + "./mvnw package, which installs it from the npm registry (npm must be on the PATH)");
            }
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            if (js.contains("</script")) {
                throw new IllegalStateException(name + " contains '</script', which would end its inline script element early");
            }
            return js;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the report's chart library " + name, e);
        }
    }
}
