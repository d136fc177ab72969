package io.mutune.connectors.recommend;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The publish rule that a recommendation is never replaced by a weaker one unless the publisher
 * forces it. A sweep whose only scale point is its target, say, yields an {@code insufficient}
 * row under the same key as a proxy sweep's {@code fitted} one, and must not erase it.
 *
 * <p>An offered row is weaker than the current one when its verdict is weaker ({@code fitted} and
 * {@code transfers_as_is} rank above {@code insufficient}), or, at an equal verdict, when it rests
 * on fewer trials or fewer scale points. A stronger verdict always replaces: a rule beats no rule,
 * whatever the trial counts.
 */
public final class NeverDowngrade {
    private NeverDowngrade() { }

    /**
     * Which of {@code offered} a publish writes over {@code current} (the table's rows before it).
     *
     * @param force write every offered row, weaker or not
     */
    public static Plan plan(List<RecommendationRow> current, List<RecommendationRow> offered, boolean force) {
        Map<List<Object>, RecommendationRow> now = new HashMap<>();
        for (RecommendationRow r : current) {
            now.put(RecommendationRows.key(r), r);
        }
        List<RecommendationRow> write = new ArrayList<>();
        List<RecommendationRow> replaced = new ArrayList<>();
        List<KeptRow> kept = new ArrayList<>();
        for (RecommendationRow r : offered) {
            RecommendationRow old = now.get(RecommendationRows.key(r));
            String why = old == null || force ? null : weaker(old, r);
            if (why != null) {
                kept.add(new KeptRow(old, r, why));
                continue;
            }
            write.add(r);
            if (old != null) {
                replaced.add(old);
            }
        }
        return new Plan(write, replaced, kept);
    }

    /** The verdict's rank: 0 for {@code insufficient}, 1 for a verdict that states a rule. */
    public static int strength(String verdict) {
        return "insufficient".equals(verdict == null ? null : verdict.toLowerCase(Locale.ROOT)) ? 0 : 1;
    }

    /** Why {@code offered} is weaker than {@code current}, or null when it is not. */
    static String weaker(RecommendationRow current, RecommendationRow offered) {
        String kept = "kept the " + current.verdict() + " row of sweep " + current.sweepId() + " (version " + current.version() + ")";
        int was = strength(current.verdict());
        int is = strength(offered.verdict());
        if (is < was) {
            return kept + ": this sweep's row is " + offered.verdict() + ", a weaker verdict; --force replaces it";
        }
        if (is > was) {
            return null;
        }
        if (offered.evidenceTrials() < current.evidenceTrials() || offered.evidenceScalePoints() < current.evidenceScalePoints()) {
            return kept + ": this sweep's row rests on less evidence (" + evidence(offered) + " against " + evidence(current)
                    + "); --force replaces it";
        }
        return null;
    }

    private static String evidence(RecommendationRow r) {
        return r.evidenceTrials() + " trials at " + r.evidenceScalePoints() + " scale point" + (r.evidenceScalePoints() == 1 ? "" : "s");
    }

    /**
     * A publish decided: what it writes, what those rows replace, and what it keeps.
     *
     * @param write    the offered rows to write (without their publish version yet)
     * @param replaced the current rows that {@code write} replaces
     * @param kept     the current rows kept, with the offered row and the reason
     */
    public record Plan(List<RecommendationRow> write, List<RecommendationRow> replaced, List<KeptRow> kept) {

        /** The result once the publish committed {@code write} as {@code version} at {@code at} (or wrote nothing). */
        public PublishResult result(long version, Instant at) {
            return new PublishResult(version, write.stream().map(r -> r.withVersion(version, at)).toList(), replaced, kept);
        }
    }
}
