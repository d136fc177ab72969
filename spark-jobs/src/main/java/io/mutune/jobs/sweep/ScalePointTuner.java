package io.mutune.jobs.sweep;

import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.Searchers;
import io.mutune.hpo.tuner.Tuner;
import io.mutune.hpo.tuner.TunerSettings;
import io.mutune.jobs.spec.SweepSpec;
import java.util.Map;
import java.util.SplittableRandom;

/** One scale point of a sweep and the tuner that searches it. */
record ScalePointTuner(int index, Map<String, Double> scale, String key, Tuner tuner) {

    static ScalePointTuner create(SweepSpec spec, int index, Map<String, Double> scale) {
        SearchSpace space = SearchSpace.fromSpec(spec.search().space());
        String key = SweepSpec.scaleKey(scale);
        TunerSettings settings = new TunerSettings(seedFor(spec.seed(), index), spec.search().trialsPerScale(),
                spec.search().resource().max(), key, spec.search().mode());
        Tuner tuner = Tuner.create(space, Searchers.byName(spec.search().algorithm(), space, spec.search().options()), settings);
        return new ScalePointTuner(index, scale, key, tuner);
    }

    /** Each scale point's tuner gets its own stream, derived from the spec's seed alone. */
    static long seedFor(long specSeed, int scaleIndex) {
        return new SplittableRandom(specSeed).split().nextLong() ^ (0x9E3779B97F4A7C15L * (scaleIndex + 1));
    }
}
