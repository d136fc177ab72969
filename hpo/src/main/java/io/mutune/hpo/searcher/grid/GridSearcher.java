package io.mutune.hpo.searcher.grid;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.Parameter;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.Observation;
import io.mutune.hpo.tuner.SearchHistory;
import io.mutune.hpo.tuner.Searcher;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Every combination of a grid ({@link GridAxis}): every value of an integer, categorical or
 * stepped-float parameter, and {@code points_per_axis} values of a continuous one (5 unless set),
 * unless the spec's {@code points_per_axis} names a count for that parameter.
 *
 * <p>The grid is visited in a random order fixed by the tuner's seed ({@link ShuffledOrder}): a
 * budget smaller than the grid then samples it evenly instead of filling one corner, which the
 * first points of a mixed-radix count all share. Each trial gets the next point in that order
 * that is neither tried nor running; once every point has been tried the order starts over.
 *
 * <p>Spec forms of the option: {@code points_per_axis: 7} (every continuous axis) or
 * {@code points_per_axis: {lr: 7, depth: 3}} (those parameters; continuous ones not named get 5).
 */
public final class GridSearcher implements Searcher {
    private final SearchSpace space;
    private final List<GridAxis> axes;
    private final long size;
    private ShuffledOrder order;
    private long orderSeed;
    /** Every position before it held a point already tried or running at the last call. */
    private long cursor;

    /**
     * @param continuousPoints values per continuous axis that {@code perParameter} does not name
     * @param perParameter values for the parameters it names, any kind
     */
    public GridSearcher(SearchSpace space, int continuousPoints, Map<String, Integer> perParameter) {
        if (continuousPoints < 1) {
            throw new IllegalArgumentException("search.options.points_per_axis: must be >= 1, got " + continuousPoints);
        }
        for (String name : perParameter.keySet()) {
            if (space.parameters().stream().noneMatch(p -> p.name().equals(name))) {
                throw new IllegalArgumentException("search.options.points_per_axis." + name + ": no such parameter in search.space; it has "
                        + space.parameters().stream().map(Parameter::name).toList());
            }
        }
        this.space = space;
        this.axes = space.parameters().stream().map(p -> GridAxis.of(p, perParameter.getOrDefault(p.name(),
                p.cardinality() == Integer.MAX_VALUE ? continuousPoints : null))).toList();
        long t = 1;
        for (GridAxis a : axes) {
            try {
                t = Math.multiplyExact(t, a.size());
            } catch (ArithmeticException e) {
                throw new IllegalArgumentException("search.space: the grid has more than " + Long.MAX_VALUE
                        + " points; set search.options.points_per_axis for the largest parameters", e);
            }
        }
        this.size = t;
    }

    /** The searcher the spec's {@code search.options} ask for. */
    public static GridSearcher fromOptions(SearchSpace space, Map<String, Object> options) {
        Object v = options == null ? null : options.get("points_per_axis");
        if (v == null) {
            return new GridSearcher(space, GridAxis.DEFAULT_CONTINUOUS_POINTS, Map.of());
        }
        if (v instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())) {
            return new GridSearcher(space, n.intValue(), Map.of());
        }
        if (v instanceof Map<?, ?> m) {
            Map<String, Integer> counts = new LinkedHashMap<>();
            m.forEach((k, c) -> {
                if (!(c instanceof Number n) || n.doubleValue() != Math.rint(n.doubleValue())) {
                    throw new IllegalArgumentException("search.options.points_per_axis." + k + ": must be an integer, got " + c);
                }
                counts.put(String.valueOf(k), n.intValue());
            });
            return new GridSearcher(space, GridAxis.DEFAULT_CONTINUOUS_POINTS, counts);
        }
        throw new IllegalArgumentException("search.options.points_per_axis: expected an integer or a map from parameter to integer, got " + v);
    }

    /** Number of grid points (conditional parameters may make some decode to the same configuration). */
    public long size() {
        return size;
    }

    /** How many values each parameter takes on the grid, by name, in the space's order. */
    public Map<String, Integer> valuesPerParameter() {
        Map<String, Integer> m = new LinkedHashMap<>();
        axes.forEach(a -> m.put(a.name(), a.size()));
        return m;
    }

    @Override
    public synchronized Configuration suggest(SearchHistory history, SplittableRandom random) {
        if (order == null || orderSeed != history.seed()) {
            order = new ShuffledOrder(size, history.seed());
            orderSeed = history.seed();
            cursor = 0;
        }
        Set<Configuration> seen = new HashSet<>(history.pending());
        for (Observation o : history.observations()) {
            seen.add(o.config());
        }
        for (; cursor < size; cursor++) {
            Configuration c = point(order.at(cursor));
            if (!seen.contains(c)) {
                return c;
            }
        }
        return point(order.at(history.trialNumber()));
    }

    /** Grid point {@code k} in mixed radix, the first parameter varying slowest. */
    public Configuration point(long k) {
        if (k < 0 || k >= size) {
            throw new IllegalArgumentException("grid point " + k + " is outside 0.." + (size - 1));
        }
        double[] u = new double[axes.size()];
        for (int i = axes.size() - 1; i >= 0; i--) {
            GridAxis a = axes.get(i);
            u[i] = a.units()[(int) (k % a.size())];
            k /= a.size();
        }
        return space.decode(u);
    }

    @Override
    public String name() {
        return "grid";
    }
}
