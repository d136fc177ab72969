package io.mutune.hpo.tuner;

/**
 * How many times a configuration is trained with other seeds, because one run's loss varies by
 * several percent between seeds (the proxy benchmarks measure 4.7 %): a pick made on single runs
 * is often one lucky seed. Replicates have their own seeds and results; searchers see their mean.
 *
 * @param replicates   runs of every configuration that reaches the maximum resource, its own run
 *                     included (spec {@code search.replicates}); 1 means no extra seeds
 * @param confirmTopK  once the search is done, the best {@code confirmTopK} configurations by the
 *                     mean of their {@code replicates} runs are trained again (spec
 *                     {@code search.confirm.top_k}); 0 turns confirmation off
 * @param confirmSeeds fresh seeds per confirmed configuration ({@code search.confirm.seeds})
 */
public record Replication(int replicates, int confirmTopK, int confirmSeeds) {

    /** One run per configuration, no confirmation: what a tuner does unless told otherwise. */
    public static final Replication NONE = new Replication(1, 0, 0);

    public Replication {
        if (replicates < 1) {
            throw new IllegalArgumentException("search.replicates: expected an integer >= 1 (runs per configuration), got " + replicates);
        }
        if (confirmTopK < 0) {
            throw new IllegalArgumentException("search.confirm.top_k: expected an integer >= 0, got " + confirmTopK);
        }
        if (confirmSeeds < 0) {
            throw new IllegalArgumentException("search.confirm.seeds: expected an integer >= 0 (fresh seeds per configuration), got " + confirmSeeds);
        }
        if ((confirmTopK == 0) != (confirmSeeds == 0)) {
            throw new IllegalArgumentException("search.confirm: top_k (" + confirmTopK + ") and seeds (" + confirmSeeds
                    + ") must both be > 0 to confirm, or both 0 to skip confirmation");
        }
    }

    /** Whether the search's best configurations are re-trained with fresh seeds at the end. */
    public boolean confirms() {
        return confirmTopK > 0;
    }

    /** Replicate indices a confirmed configuration gets: after the search's own {@code replicates}. */
    public int totalRunsWhenConfirmed() {
        return replicates + confirmSeeds;
    }
}
