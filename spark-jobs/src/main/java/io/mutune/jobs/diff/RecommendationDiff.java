package io.mutune.jobs.diff;

import io.mutune.connectors.recommend.KeptRow;
import io.mutune.connectors.recommend.PublishResult;
import io.mutune.connectors.recommend.RecommendationRow;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Compares two versions of the recommendations table key by key and flags the hyperparameters
 * whose recommendation moved beyond its interval: a change the sweep's own uncertainty does not
 * explain, which a launcher pinned to the older version should hear about.
 */
public final class RecommendationDiff {
    private RecommendationDiff() { }

    public static List<DiffEntry> compare(List<RecommendationRow> before, List<RecommendationRow> after) {
        Map<String, RecommendationRow> old = byKey(before);
        Map<String, RecommendationRow> now = byKey(after);
        List<DiffEntry> out = new ArrayList<>();
        for (var e : now.entrySet()) {
            RecommendationRow n = e.getValue();
            RecommendationRow o = old.get(e.getKey());
            out.add(entry(n, o == null ? null : side(o), side(n), o == null ? DiffEntry.Change.ADDED : change(o, n)));
        }
        for (var e : old.entrySet()) {
            if (!now.containsKey(e.getKey())) {
                out.add(entry(e.getValue(), side(e.getValue()), null, DiffEntry.Change.REMOVED));
            }
        }
        return out;
    }

    /**
     * What one publish did, key by key: each written row against the row it replaced (ADDED, MOVED
     * or WITHIN), and each row it kept ({@link DiffEntry.Change#KEPT}, with the reason).
     */
    public static List<DiffEntry> ofPublish(PublishResult publish) {
        Map<String, RecommendationRow> old = byKey(publish.replaced());
        List<DiffEntry> out = new ArrayList<>();
        for (RecommendationRow n : publish.written()) {
            RecommendationRow o = old.get(key(n));
            out.add(entry(n, o == null ? null : side(o), side(n), o == null ? DiffEntry.Change.ADDED : change(o, n)));
        }
        for (KeptRow k : publish.kept()) {
            RecommendationRow c = k.current();
            out.add(new DiffEntry(c.family(), c.parametrization(), c.optimizer(), c.targetScale(), c.hyperparameter(), side(c),
                    side(k.offered()), DiffEntry.Change.KEPT, k.reason()));
        }
        return out;
    }

    public static List<DiffEntry> kept(List<DiffEntry> entries) {
        return entries.stream().filter(d -> d.change() == DiffEntry.Change.KEPT).toList();
    }

    public static List<DiffEntry> moved(List<DiffEntry> entries) {
        return entries.stream().filter(d -> d.change() == DiffEntry.Change.MOVED).toList();
    }

    static DiffEntry.Change change(RecommendationRow o, RecommendationRow n) {
        boolean outsideOld = n.value() < o.lower() || n.value() > o.upper();
        boolean outsideNew = o.value() < n.lower() || o.value() > n.upper();
        return outsideOld || outsideNew ? DiffEntry.Change.MOVED : DiffEntry.Change.WITHIN;
    }

    private static DiffEntry entry(RecommendationRow r, DiffEntry.Side before, DiffEntry.Side after, DiffEntry.Change change) {
        return new DiffEntry(r.family(), r.parametrization(), r.optimizer(), r.targetScale(), r.hyperparameter(), before, after, change);
    }

    private static DiffEntry.Side side(RecommendationRow r) {
        return new DiffEntry.Side(r.value(), r.lower(), r.upper(), r.verdict(), r.sweepId(), r.version());
    }

    private static String key(RecommendationRow r) {
        return String.join("|", r.family(), r.parametrization(), r.optimizer(), new TreeMap<>(r.targetScale()).toString(), r.hyperparameter());
    }

    private static Map<String, RecommendationRow> byKey(List<RecommendationRow> rows) {
        Map<String, RecommendationRow> m = new LinkedHashMap<>();
        for (RecommendationRow r : rows) {
            String key = key(r);
            if (m.put(key, r) != null) {
                throw new IllegalArgumentException("the recommendations table has two rows for " + key + "; its key must be unique");
            }
        }
        return m;
    }
}
