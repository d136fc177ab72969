package io.mutune.hpo.tuner;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.TreeMap;

/**
 * What a searcher may base a suggestion on: the observations so far (scores to minimise, diverged
 * ones as the worst value seen), the configurations still running, and the number of the trial
 * being created. Built fresh by the tuner for each suggestion, so a searcher that only reads it is
 * a pure function of the journal.
 */
public final class SearchHistory {
    private final SearchSpace space;
    private final long seed;
    private final int trialNumber;
    private List<Observation> observations;
    private List<Configuration> pending;
    /** Set when built from a table: observations are gathered on first use (random search never asks). */
    private TrialTable table;
    private TunerSettings settings;

    public SearchHistory(SearchSpace space, long seed, int trialNumber, List<Observation> observations, List<Configuration> pending) {
        this.space = space;
        this.seed = seed;
        this.trialNumber = trialNumber;
        this.observations = List.copyOf(observations);
        this.pending = List.copyOf(pending);
    }

    private SearchHistory(SearchSpace space, int trialNumber, TrialTable table, TunerSettings settings) {
        this.space = space;
        this.seed = settings.seed();
        this.trialNumber = trialNumber;
        this.table = table;
        this.settings = settings;
    }

    /** The history of the table: one observation per completed or diverged result, built lazily. */
    static SearchHistory of(SearchSpace space, int trialNumber, TrialTable table, TunerSettings settings) {
        return new SearchHistory(space, trialNumber, table, settings);
    }

    private void gather() {
        if (table == null) {
            return;
        }
        List<Observation> raw = new ArrayList<>();
        List<Configuration> pending = new ArrayList<>();
        for (TrialState t : table.trials()) {
            for (TrialResult r : t.results()) {
                if (r.outcome() == TrialReport.Outcome.FAILED) {
                    continue;
                }
                boolean diverged = r.outcome() == TrialReport.Outcome.DIVERGED;
                int runs = 1;
                double metric = r.metric();
                if (!diverged && r.resource() == settings.maxResource() && !t.replicates().isEmpty()) {
                    // at the maximum resource the configuration is judged on the mean of its seeds
                    FinalRuns all = FinalRuns.of(t, settings.maxResource());
                    diverged = all.diverged();
                    runs = all.count();
                    metric = all.mean();
                }
                double score = diverged ? Double.NaN : settings.score(metric);
                raw.add(new Observation(t.trialId(), t.number(), r.config(), r.resource(), score, diverged, runs));
            }
            if (t.status() == TrialStatus.RUNNING) {
                pending.add(t.config());
            }
        }
        this.observations = List.copyOf(withWorstForDiverged(raw));
        this.pending = List.copyOf(pending);
        this.table = null;
        this.settings = null;
    }

    private static List<Observation> withWorstForDiverged(List<Observation> raw) {
        double worst = Double.NaN;
        TreeMap<Long, Double> worstAt = new TreeMap<>();
        for (Observation o : raw) {
            if (!o.diverged()) {
                worst = Double.isNaN(worst) ? o.score() : Math.max(worst, o.score());
                worstAt.merge(o.resource(), o.score(), Math::max);
            }
        }
        List<Observation> out = new ArrayList<>(raw.size());
        for (Observation o : raw) {
            if (o.diverged()) {
                // worst at the same level when there is one: scores at different levels differ in scale
                double w = worstAt.getOrDefault(o.resource(), worst);
                out.add(new Observation(o.trialId(), o.number(), o.config(), o.resource(), w, true, o.runs()));
            } else {
                out.add(o);
            }
        }
        return out;
    }

    public SearchSpace space() {
        return space;
    }

    /** The tuner's seed, for sequences that must stay fixed across trials (a Sobol scramble). */
    public long seed() {
        return seed;
    }

    /** The number of the trial the suggestion is for. */
    public int trialNumber() {
        return trialNumber;
    }

    /** Every observation, in the order results arrived. */
    public List<Observation> observations() {
        gather();
        return observations;
    }

    /** Configurations handed out and not reported yet; a searcher must not propose them again. */
    public List<Configuration> pending() {
        gather();
        return pending;
    }

    /** Observations with a usable score at exactly {@code resource}. */
    public List<Observation> atResource(long resource) {
        List<Observation> out = new ArrayList<>();
        for (Observation o : observations()) {
            if (o.resource() == resource && !Double.isNaN(o.score())) {
                out.add(o);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * The observations a model should fit (BOHB's rule): those at the highest resource level that
     * has at least {@code minCount} usable ones; empty when no level has that many.
     */
    public List<Observation> forModel(int minCount) {
        TreeMap<Long, Integer> counts = new TreeMap<>();
        for (Observation o : observations()) {
            if (!Double.isNaN(o.score())) {
                counts.merge(o.resource(), 1, Integer::sum);
            }
        }
        for (Long level : counts.descendingKeySet()) {
            if (counts.get(level) >= minCount) {
                return atResource(level);
            }
        }
        return List.of();
    }
}
