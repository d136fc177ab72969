package io.mutune.hpo;

import io.mutune.hpo.schedule.Schedulers;
import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.Budget;
import io.mutune.hpo.tuner.Searchers;
import io.mutune.hpo.tuner.Tuner;
import io.mutune.hpo.tuner.TunerSettings;
import java.util.Map;

/**
 * Builds the tuner a sweep spec's {@code search} section asks for: the searcher and the scheduler
 * that go with {@code search.algorithm} ({@code random | grid | sobol | tpe | bo} train every trial
 * to {@code maxResource}; {@code hyperband | sha | asha | bohb | pbt} schedule resource levels
 * from {@code minResource} with {@code eta}).
 */
public final class TunerFactory {
    private TunerFactory() { }

    /**
     * @param minResource  {@code search.resource.min}; the PBT interval defaults to it
     * @param eta          {@code search.resource.eta}
     * @param budget       cap on the total resource, or {@link Budget#UNLIMITED}
     * @param options      algorithm options (TPE/GP/BOHB/ASHA/PBT settings), may be null
     */
    public static Tuner create(String algorithm, SearchSpace space, TunerSettings settings, long minResource, int eta,
                               Budget budget, Map<String, Object> options) {
        return Tuner.create(space, Searchers.byName(algorithm, space, options),
                Schedulers.byName(algorithm, space, minResource, settings.maxResource(), eta, options), settings, budget);
    }
}
