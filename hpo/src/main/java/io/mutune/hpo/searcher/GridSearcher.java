package io.mutune.hpo.searcher;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.Parameter;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.Observation;
import io.mutune.hpo.tuner.SearchHistory;
import io.mutune.hpo.tuner.Searcher;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Every combination of a grid: all values of discrete parameters, {@code pointsPerAxis} evenly
 * spaced values of continuous ones (log-spaced for log parameters). Hands out the first grid point
 * not yet tried or running; once the grid is exhausted it starts over.
 */
public final class GridSearcher implements Searcher {
    private final SearchSpace space;
    private final int[] sizes;
    private final long total;

    public GridSearcher(SearchSpace space, int pointsPerAxis) {
        if (pointsPerAxis < 1) {
            throw new IllegalArgumentException("grid points per axis must be >= 1, got " + pointsPerAxis);
        }
        this.space = space;
        this.sizes = new int[space.dimension()];
        long t = 1;
        for (int i = 0; i < sizes.length; i++) {
            Parameter p = space.parameters().get(i);
            if (p instanceof io.mutune.hpo.space.CategoricalParameter) {
                sizes[i] = p.cardinality();
            } else {
                sizes[i] = Math.min(p.cardinality(), pointsPerAxis);
            }
            t = Math.multiplyExact(t, sizes[i]);
        }
        this.total = t;
    }

    /** Number of grid points (conditional parameters may make some decode to the same configuration). */
    public long size() {
        return total;
    }

    @Override
    public Configuration suggest(SearchHistory history, SplittableRandom random) {
        Set<Configuration> seen = new HashSet<>(history.pending());
        for (Observation o : history.observations()) {
            seen.add(o.config());
        }
        for (long k = 0; k < total; k++) {
            Configuration c = point(k);
            if (!seen.contains(c)) {
                return c;
            }
        }
        return point(history.trialNumber() % total);
    }

    /** Grid point {@code k} in mixed radix, the first parameter varying slowest. */
    public Configuration point(long k) {
        double[] u = new double[sizes.length];
        for (int i = sizes.length - 1; i >= 0; i--) {
            int idx = (int) (k % sizes[i]);
            k /= sizes[i];
            Parameter p = space.parameters().get(i);
            boolean continuous = p.cardinality() == Integer.MAX_VALUE;
            // continuous axes include both ends; discrete ones take cell centres
            u[i] = continuous ? (sizes[i] == 1 ? 0.5 : (double) idx / (sizes[i] - 1)) : (idx + 0.5) / sizes[i];
        }
        return space.decode(u);
    }

    @Override
    public String name() {
        return "grid";
    }
}
