package io.mutune.hpo.schedule;

import io.mutune.hpo.space.CategoricalParameter;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.IntParameter;
import io.mutune.hpo.space.Parameter;
import io.mutune.hpo.space.SearchSpace;
import java.util.SplittableRandom;

/**
 * PBT's explore step (Jaderberg et al., "Population Based Training of Neural Networks", 2017):
 * each hyperparameter is resampled from the space with probability {@code resampleProbability},
 * otherwise a numeric one is multiplied by one of the perturbation factors (0.8 or 1.2 by default,
 * in the value's own scale: log parameters move by a ratio) and a categorical one is kept.
 */
public final class PbtExplorer {
    private final SearchSpace space;
    private final double resampleProbability;
    private final double[] factors;

    public PbtExplorer(SearchSpace space, double resampleProbability, double[] factors) {
        if (!(resampleProbability >= 0 && resampleProbability <= 1)) {
            throw new IllegalArgumentException("resample probability must be in [0, 1], got " + resampleProbability);
        }
        if (factors.length == 0) {
            throw new IllegalArgumentException("PBT needs at least one perturbation factor");
        }
        this.space = space;
        this.resampleProbability = resampleProbability;
        this.factors = factors.clone();
    }

    public Configuration explore(Configuration parent, SplittableRandom random) {
        double[] u = space.encode(parent);
        double[] fresh = space.encode(space.sample(random));
        for (int d = 0; d < u.length; d++) {
            Parameter p = space.parameters().get(d);
            boolean resample = random.nextDouble() < resampleProbability;
            double factor = factors[random.nextInt(factors.length)];
            if (Double.isNaN(u[d])) {
                u[d] = Double.isNaN(fresh[d]) ? random.nextDouble() : fresh[d];
            } else if (resample) {
                u[d] = Double.isNaN(fresh[d]) ? random.nextDouble() : fresh[d];
            } else if (!(p instanceof CategoricalParameter)) {
                u[d] = perturbed(p, parent.get(p.name()), factor);
            }
        }
        return space.decode(u);
    }

    /** The unit coordinate of value * factor, clamped to the parameter's range; an int moves at least one step. */
    private static double perturbed(Parameter p, Object value, double factor) {
        double v = ((Number) value).doubleValue();
        double low = ((Number) p.decode(0.0)).doubleValue();
        double high = ((Number) p.decode(1.0)).doubleValue();
        // multiplying 0 would never move it: nudge by a thousandth of the range instead
        double moved = v == 0 ? (factor > 1 ? 1 : -1) * 1e-3 * (high - low) : v * factor;
        moved = Math.min(high, Math.max(low, moved));
        if (p instanceof IntParameter ip) {
            long m = ip.low() + Math.round((moved - ip.low()) / ip.step()) * ip.step();
            if (m == (long) v) {
                m = (long) v + (factor > 1 ? ip.step() : -ip.step());
            }
            return p.encode(Math.min(ip.high(), Math.max(ip.low(), m)));
        }
        return p.encode(moved);
    }
}
