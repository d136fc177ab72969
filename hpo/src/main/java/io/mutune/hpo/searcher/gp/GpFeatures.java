package io.mutune.hpo.searcher.gp;

import io.mutune.hpo.space.CategoricalParameter;
import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.Parameter;
import io.mutune.hpo.space.SearchSpace;

/**
 * The GP's input coordinates for a configuration. Numeric parameters keep their unit-hypercube
 * coordinate (log parameters are already in log space there; ints sit at their cell centre, so the
 * GP only ever sees values the objective can take); categorical ones become one-hot blocks, so no
 * false order between choices is implied. Inactive parameters sit at 0.5 (numeric) or all zeros.
 */
final class GpFeatures {
    private final SearchSpace space;
    private final int width;

    GpFeatures(SearchSpace space) {
        this.space = space;
        int w = 0;
        for (Parameter p : space.parameters()) {
            w += p instanceof CategoricalParameter c ? c.cardinality() : 1;
        }
        this.width = w;
    }

    int width() {
        return width;
    }

    double[] of(Configuration config) {
        double[] f = new double[width];
        int k = 0;
        for (Parameter p : space.parameters()) {
            boolean active = config.has(p.name());
            if (p instanceof CategoricalParameter c) {
                if (active) {
                    f[k + c.indexOf(config.get(p.name()))] = 1;
                }
                k += c.cardinality();
            } else {
                f[k++] = active ? p.encode(config.get(p.name())) : 0.5;
            }
        }
        return f;
    }
}
