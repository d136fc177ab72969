package io.mutune.hpo.schedule;

import java.util.ArrayList;
import java.util.List;

/**
 * The resource levels of successive halving: {@code min * eta^k}, capped by and ending at
 * {@code max} (Jamieson and Talwalkar 2016; Li et al., "Hyperband", JMLR 2018).
 */
public record Rungs(long minResource, long maxResource, int eta) {

    public Rungs {
        if (minResource < 1 || maxResource < minResource) {
            throw new IllegalArgumentException("need 1 <= min_resource <= max_resource, got " + minResource + ", " + maxResource);
        }
        if (eta < 2) {
            throw new IllegalArgumentException("eta must be >= 2, got " + eta);
        }
    }

    /** The levels from {@code min} up to {@code max}, e.g. 1, 3, 9, 27, 81 for min 1, max 81, eta 3. */
    public List<Long> levels() {
        List<Long> out = new ArrayList<>();
        double r = minResource;
        while (Math.round(r) < maxResource) {
            out.add(Math.round(r));
            r *= eta;
        }
        out.add(maxResource);
        return out;
    }

    /** {@code s_max}: the number of halvings between min and max. */
    public int maxHalvings() {
        return levels().size() - 1;
    }

    /** The level after {@code level}, or -1 at the top. */
    public long next(long level) {
        List<Long> l = levels();
        int i = l.indexOf(level);
        if (i < 0) {
            throw new IllegalArgumentException(level + " is not a rung level of " + l);
        }
        return i + 1 < l.size() ? l.get(i + 1) : -1;
    }
}
