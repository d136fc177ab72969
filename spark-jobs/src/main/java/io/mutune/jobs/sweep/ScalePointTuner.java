package io.mutune.jobs.sweep;

import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.TunerFactory;
import io.mutune.hpo.tuner.Budget;
import io.mutune.hpo.tuner.Replication;
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
                spec.search().resource().max(), key, spec.search().mode(),
                new Replication(spec.search().replicates(), spec.search().confirmTopK(), spec.search().confirmSeeds()));
        // The algorithm picks both halves: the searcher (what to try) and the scheduler (how far to train it).
        Tuner tuner = TunerFactory.create(spec.search().algorithm(), space, settings, spec.search().resource().min(),
                (int) Math.round(spec.search().resource().eta()), Budget.UNLIMITED, spec.search().options());
        return new ScalePointTuner(index, scale, key, tuner);
    }

    /** Each scale point's tuner gets its own stream, derived from the spec's seed alone. */
    static long seedFor(long specSeed, int scaleIndex) {
        return new SplittableRandom(specSeed).split().nextLong() ^ (0x9E3779B97F4A7C15L * (scaleIndex + 1));
    }
}
