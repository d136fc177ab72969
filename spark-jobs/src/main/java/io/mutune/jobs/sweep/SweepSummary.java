package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import io.mutune.transfer.recommend.Recommendation;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The summary a sweep ends with: per-scale optima, the fitted rules, the recommendations, the tables. */
public final class SweepSummary {
    private SweepSummary() { }

    /** @param publishVersion the version the publish wrote, or -1 when nothing was published */
    public static void print(PrintStream out, SweepResult result, String metric, String mode, List<Recommendation> recs,
                             String recommendationsTable, long publishVersion) {
        out.println();
        out.printf(Locale.ROOT, "sweep %s: %d trial segments in %.1f s%n", result.sweepId(), result.finished().size(), result.wallSeconds());
        if (!result.timings().isEmpty()) {
            out.println(SchedulingFigures.of(result.timings()).line());
        }
        Map<String, List<JournalRow>> byScale = new LinkedHashMap<>();
        for (JournalRow r : result.finished()) {
            byScale.computeIfAbsent(r.scaleKey(), k -> new java.util.ArrayList<>()).add(r);
        }
        Comparator<JournalRow> byMetric = Comparator.comparingDouble(r -> r.metrics().get(metric));
        out.println("best trial per scale point (argmin; the fit below refines it):");
        byScale.forEach((key, rows) -> {
            Optional<JournalRow> best = rows.stream()
                    .filter(r -> r.status() == TrialStatus.COMPLETED && r.metrics().containsKey(metric))
                    .min("max".equals(mode) ? byMetric.reversed() : byMetric);
            long diverged = rows.stream().filter(r -> r.status() == TrialStatus.DIVERGED).count();
            long failed = rows.stream().filter(r -> r.status() == TrialStatus.FAILED).count();
            out.printf(Locale.ROOT, "  %-10s %s  (%d trials, %d diverged, %d failed)%n", key,
                    best.map(b -> String.format(Locale.ROOT, "%s=%.5g  %s", metric, b.metrics().get(metric), b.configJson())).orElse("no completed trial"),
                    rows.size(), diverged, failed);
        });
        for (Recommendation r : recs.stream().filter(r -> r.targetScale().equals(recs.get(0).targetScale())).toList()) {
            out.println("optimum of " + r.hyperparameter() + " per scale point (" + r.evidence().size() + " points):");
            for (var o : r.evidence()) {
                out.printf(Locale.ROOT, "  %-22s %.5g  plateau [%.5g, %.5g]  %s%s%n", o.scale(), o.value(), o.plateauLower(), o.plateauUpper(),
                        o.method().name().toLowerCase(Locale.ROOT), o.edge().name().equals("NONE") ? "" : "  on the " + o.edge().name().toLowerCase(Locale.ROOT) + " edge of the range");
            }
            out.printf(Locale.ROOT, "  rule: %s  %s  (%s)%n", r.ruleForm(), formatCoefficients(r.coefficients(), r.coefficientIntervals()),
                    r.verdict().name().toLowerCase(Locale.ROOT));
        }
        out.println("recommendations:");
        for (Recommendation r : recs) {
            out.printf(Locale.ROOT, "  %-14s at %s = %.5g  [%.5g, %.5g]  %s  rule: %s  %s%n", r.hyperparameter(), r.targetScale(),
                    r.value(), r.lower(), r.upper(), r.verdict().name().toLowerCase(Locale.ROOT), r.ruleForm(), formatCoefficients(r.coefficients()));
        }
        out.println("tables:");
        out.printf(Locale.ROOT, "  trials:          %s  (%d commits%s)%n", result.journalLocation(), result.journalCommits(),
                result.journalRetries() == 0 ? "" : ", " + result.journalRetries() + " retried after transient faults");
        out.printf(Locale.ROOT, "  recommendations: %s  (%s)%n", recommendationsTable,
                publishVersion < 0 ? "nothing published" : "version " + publishVersion);
    }

    private static String formatCoefficients(Map<String, Double> c) {
        return formatCoefficients(c, Map.of());
    }

    private static String formatCoefficients(Map<String, Double> c, Map<String, double[]> intervals) {
        StringBuilder sb = new StringBuilder();
        c.forEach((k, v) -> {
            sb.append(String.format(Locale.ROOT, "%s=%.4f", k, v));
            double[] i = intervals.get(k);
            if (i != null) {
                sb.append(String.format(Locale.ROOT, " [%.4f, %.4f]", i[0], i[1]));
            }
            sb.append(' ');
        });
        return sb.toString().trim();
    }
}
