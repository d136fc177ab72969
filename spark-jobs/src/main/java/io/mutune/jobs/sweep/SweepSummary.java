package io.mutune.jobs.sweep;

import io.mutune.connectors.journal.JournalRow;
import io.mutune.transfer.recommend.Recommendation;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

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
            out.println(SchedulingFigures.EXPLAINED);
            out.println(SlotUtilisation.of(result.timings(), result.peakSlots()).line());
        }
        out.println(result.journalCommits().line());
        Map<String, List<JournalRow>> byScale = new LinkedHashMap<>();
        for (JournalRow r : result.finished()) {
            byScale.computeIfAbsent(r.scaleKey(), k -> new java.util.ArrayList<>()).add(r);
        }
        out.println("best configuration per scale point (mean over its seeds; the fit below refines it):");
        byScale.forEach((key, rows) -> out.println("  " + ScaleSummary.of(key, rows, metric, mode).line()));
        for (Recommendation r : recs.stream().filter(r -> r.targetScale().equals(recs.get(0).targetScale())).toList()) {
            if (r.evidence().isEmpty()) {
                continue;
            }
            out.println("optimum of " + r.hyperparameter() + " per scale point (" + r.evidence().size() + " points):");
            for (var o : r.evidence()) {
                out.printf(Locale.ROOT, "  %-22s %.5g  interval [%.5g, %.5g]  plateau [%.5g, %.5g]  %s%s%n", o.scale(), o.value(),
                        o.intervalLower(), o.intervalUpper(), o.plateauLower(), o.plateauUpper(),
                        o.method().name().toLowerCase(Locale.ROOT), o.edge().name().equals("NONE") ? "" : "  on the " + o.edge().name().toLowerCase(Locale.ROOT) + " edge of the range (not fitted)");
            }
            out.println("  " + RuleWeights.describe(r));
            out.printf(Locale.ROOT, "  rule: %s  %s  (%s)%n", r.ruleForm(), formatCoefficients(r.coefficients(), r.coefficientIntervals()),
                    r.verdict().name().toLowerCase(Locale.ROOT));
        }
        out.println("recommendations:");
        for (Recommendation r : recs) {
            out.printf(Locale.ROOT, "  %-14s at %s = %.5g  [%.5g, %.5g]  %s%s%n", r.hyperparameter(), r.targetScale(),
                    r.value(), r.lower(), r.upper(), r.verdict().name().toLowerCase(Locale.ROOT),
                    r.verdictConfidence() == null ? "" : String.format(Locale.ROOT, " (confidence %.2f)", r.verdictConfidence()));
            if (r.verdictReason() != null) {
                out.println("      why: " + r.verdictReason());
            }
            if (r.sensitivity() != null) {
                out.printf(Locale.ROOT, "      a 2x miss at %s costs %s (half) and %s (double)%n", r.sensitivity().scale(),
                        percent(r.sensitivity().half()), percent(r.sensitivity().twice()));
            }
        }
        Recommendation first = recs.isEmpty() ? null : recs.get(0);
        if (first != null) {
            out.println("seed noise: " + (first.noise().known()
                    ? String.format(Locale.ROOT, "one run's %s varies by %.2f%% (s.d.; 95%% interval %.2f-%.2f%%, %d degrees of freedom from %d repeated configurations)",
                        metric, 100 * first.noise().relativeSd(), 100 * first.noise().lower(), 100 * first.noise().upper(),
                        first.noise().degreesOfFreedom(), first.noise().configurations())
                    : "not measured: no configuration ran twice; set search.replicates (or search.confirm) to tell optima from noise"));
            recs.stream().map(Recommendation::targetScale).distinct().forEach(t -> recs.stream()
                    .filter(r -> r.targetScale().equals(t) && r.predictedLoss() != null).findFirst()
                    .ifPresent(r -> out.printf(Locale.ROOT, "predicted %s at %s: %.5g [%.5g, %.5g]  (%s)%n", metric, t,
                            r.predictedLoss().value(), r.predictedLoss().lower(), r.predictedLoss().upper(), r.predictedLoss().form())));
        }
        out.println("tables:");
        out.printf(Locale.ROOT, "  trials:          %s  (%d commits%s)%n", result.journalLocation(), result.journalCommits().commits(),
                result.journalRetries() == 0 ? "" : ", " + result.journalRetries() + " retried after transient faults");
        out.printf(Locale.ROOT, "  recommendations: %s  (%s)%n", recommendationsTable,
                publishVersion < 0 ? "nothing published" : "version " + publishVersion);
    }

    private static String percent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.2f%%", 100 * v) : "n/a (outside the searched range)";
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
