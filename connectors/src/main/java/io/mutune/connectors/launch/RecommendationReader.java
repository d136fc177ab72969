package io.mutune.connectors.launch;

import io.mutune.connectors.recommend.RecommendationRow;
import io.mutune.connectors.recommend.RecommendationSource;
import io.mutune.connectors.recommend.RecommendationStatistics;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What {@code mutune recommend} does, as a Java API: the configuration for one target from a
 * recommendation table. A hyperparameter published for exactly the target is returned as
 * published; otherwise the rule of its newest published row (the nearest target among equals) is
 * evaluated at the target by {@link RuleEvaluator}, and the value says so.
 */
public final class RecommendationReader {
    private final List<RecommendationRow> rows;
    private final String table;

    private RecommendationReader(List<RecommendationRow> rows, String table) {
        this.rows = rows;
        this.table = table;
    }

    /** The table's current rows; a table that does not exist is an error that says so. */
    public static RecommendationReader current(RecommendationSource table) {
        return new RecommendationReader(requireTable(table).current(), table.location());
    }

    /** The rows as of publish {@code version}, for a launcher that pins what it used. */
    public static RecommendationReader asOfVersion(RecommendationSource table, long version) {
        return new RecommendationReader(requireTable(table).asOfVersion(version), table.location() + "@v" + version);
    }

    /** The rows as of the latest publish of {@code sweepId}. */
    public static RecommendationReader asOfSweep(RecommendationSource table, String sweepId) {
        return new RecommendationReader(requireTable(table).asOfSweep(sweepId), table.location() + "@" + sweepId);
    }

    /** A launcher reads only: it never creates a table, and a missing one is not an empty one. */
    private static RecommendationSource requireTable(RecommendationSource table) {
        if (!table.exists()) {
            throw new IllegalArgumentException("no table at " + table.location()
                    + ": nothing was ever published there (a sweep's output.recommendations creates it), or the location is mistyped");
        }
        return table;
    }

    public LauncherConfig read(TargetQuery q) {
        List<RecommendationRow> family = rows.stream().filter(r -> r.family().equals(q.family())).toList();
        if (family.isEmpty()) {
            throw new IllegalArgumentException("table " + table + " has no recommendations for family '" + q.family() + "'; it has "
                    + rows.stream().map(RecommendationRow::family).collect(Collectors.toCollection(TreeSet::new)));
        }
        List<RecommendationRow> chosen = family.stream()
                .filter(r -> q.parametrization() == null || r.parametrization().equals(q.parametrization()))
                .filter(r -> q.optimizer() == null || r.optimizer().equals(q.optimizer())).toList();
        TreeSet<String> setups = chosen.stream().map(r -> r.parametrization() + "/" + r.optimizer())
                .collect(Collectors.toCollection(TreeSet::new));
        if (setups.size() != 1) {
            throw new IllegalArgumentException("family '" + q.family() + "' in " + table + " has "
                    + (setups.isEmpty() ? "no rows for that parametrization/optimizer; it has " + family.stream()
                            .map(r -> r.parametrization() + "/" + r.optimizer()).collect(Collectors.toCollection(TreeSet::new))
                            : "several parametrization/optimizer pairs " + setups + "; pick one with --parametrization and --optimizer"));
        }
        Map<String, List<RecommendationRow>> byHp = chosen.stream()
                .collect(Collectors.groupingBy(RecommendationRow::hyperparameter, TreeMap::new, Collectors.toList()));
        List<LauncherValue> values = byHp.values().stream().map(hpRows -> value(hpRows, q.scale(), table)).toList();
        RecommendationRow any = chosen.get(0);
        return new LauncherConfig(q.family(), any.parametrization(), any.optimizer(), q.scale(), table, values);
    }

    private static LauncherValue value(List<RecommendationRow> hpRows, Map<String, Double> scale, String table) {
        for (RecommendationRow r : hpRows) {
            if (r.targetScale().equals(scale)) {
                requireFinite(table, r, r.value(), r.lower(), r.upper());
                return new LauncherValue(r.hyperparameter(), r.value(), r.lower(), r.upper(), LauncherValue.PUBLISHED, r.sweepId(),
                        r.version(), r.verdict(), r.ruleForm(), r.coefficients(), r.targetScale(), null, r.statistics(), r.validation());
            }
        }
        RecommendationRow source = hpRows.stream()
                .min(Comparator.comparingLong((RecommendationRow r) -> -r.version()).thenComparingDouble(r -> distance(r.targetScale(), scale)))
                .orElseThrow();
        requireFinite(table, source, source.value(), source.lower(), source.upper());
        double value = RuleEvaluator.evaluate(source, scale);
        // The rule gives no interval of its own at a new scale: keep the source row's relative width.
        double lower = source.value() > 0 ? value * (source.lower() / source.value()) : value;
        double upper = source.value() > 0 ? value * (source.upper() / source.value()) : value;
        String note = "target not published; computed from the " + source.ruleForm() + " rule published for " + new TreeMap<>(source.targetScale())
                + " by sweep " + source.sweepId() + " (version " + source.version() + "); interval scaled from that row"
                + "; that row's predicted loss and validation are for its own target and are not shown";
        // The loss prediction and the validation belong to the published target, not to this one.
        RecommendationStatistics s = source.statistics();
        RecommendationStatistics atTarget = new RecommendationStatistics(s.noiseSd(), s.noiseSdLower(), s.noiseSdUpper(), s.noiseDf(),
                s.verdictConfidence(), s.fitPValue(), s.verdictReason(), null, null, null, s.sensitivityHalf(), s.sensitivityDouble());
        requireFinite(table, source, value, lower, upper);
        return new LauncherValue(source.hyperparameter(), value, lower, upper, LauncherValue.RULE, source.sweepId(), source.version(),
                source.verdict(), source.ruleForm(), source.coefficients(), source.targetScale(), note, atTarget, null);
    }

    /**
     * A launcher would train with whatever it is served: a value that is not a number (in the row,
     * or computed from its rule) is refused, not served.
     */
    private static void requireFinite(String table, RecommendationRow row, double value, double lower, double upper) {
        if (!Double.isFinite(value) || !Double.isFinite(lower) || !Double.isFinite(upper)) {
            throw new IllegalArgumentException("table " + table + ": " + row.hyperparameter() + " for " + new TreeMap<>(row.targetScale())
                    + " (sweep " + row.sweepId() + ", version " + row.version() + ") is " + value + " [" + lower + ", " + upper
                    + "], not a number; refusing to serve it. Publish a sweep with finite results, or pin an earlier --version");
        }
    }

    /** Distance in log scale over the axes both set; an axis only one sets counts as far. */
    private static double distance(Map<String, Double> a, Map<String, Double> b) {
        double d = 0;
        for (String axis : new TreeSet<>(a.keySet())) {
            Double other = b.get(axis);
            d += other == null ? 100 : Math.abs(Math.log(a.get(axis) / other));
        }
        for (String axis : b.keySet()) {
            d += a.containsKey(axis) ? 0 : 100;
        }
        return d;
    }
}
