package io.mutune.hpo.tuner;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Hands out the extra seeds of {@link Replication}: the {@code replicates} of every configuration
 * that reaches the maximum resource, as soon as its own run does, and, once the search is done,
 * the confirmation runs of its best configurations. Like schedulers, a pure function of the
 * table: a replayed tuner hands out the same runs.
 */
final class ReplicatePlanner {

    private ReplicatePlanner() { }

    /** The next step of a replicate waiting between schedule steps, or the next replicate to start. */
    static Optional<TrialRequest> replicates(TrialTable table, TunerSettings settings) {
        int n = settings.replication().replicates();
        for (TrialState t : table.trials()) {
            Optional<TrialRequest> paused = resumePaused(t);
            if (paused.isPresent()) {
                return paused;
            }
            if (n > 1 && t.status() == TrialStatus.COMPLETED && t.reached(settings.maxResource())) {
                Optional<TrialRequest> fresh = firstUnstarted(t, 1, n);
                if (fresh.isPresent()) {
                    return fresh;
                }
            }
        }
        return Optional.empty();
    }

    /** True while a replicate of the search's own {@code replicates} is running or waiting. */
    static boolean replicatesOutstanding(TrialTable table, TunerSettings settings) {
        int n = settings.replication().replicates();
        for (TrialState t : table.trials()) {
            for (ReplicateRun r : t.replicates().values()) {
                if (!r.status().isTerminal() && r.replicate() < n) {
                    return true;
                }
            }
        }
        return false;
    }

    /** The next confirmation run, given that the search is done. */
    static Optional<TrialRequest> confirmation(TrialTable table, TunerSettings settings) {
        Replication rep = settings.replication();
        if (!rep.confirms()) {
            return Optional.empty();
        }
        for (TrialState t : confirmSet(table, settings)) {
            Optional<TrialRequest> fresh = firstUnstarted(t, rep.replicates(), rep.totalRunsWhenConfirmed());
            if (fresh.isPresent()) {
                return fresh;
            }
        }
        return Optional.empty();
    }

    /**
     * The configurations to confirm: the best {@code top_k} by the mean of the search's own runs
     * (replicates below {@code replicates}), never by confirmation results, so the set does not
     * move while confirmation runs arrive or after a resume.
     */
    static List<TrialState> confirmSet(TrialTable table, TunerSettings settings) {
        Replication rep = settings.replication();
        List<TrialState> ranked = new ArrayList<>();
        for (TrialState t : table.trials()) {
            if (FinalRuns.of(t, settings.maxResource(), rep.replicates()).usable()) {
                ranked.add(t);
            }
        }
        ranked.sort(Comparator.comparingDouble((TrialState t) ->
                        settings.score(FinalRuns.of(t, settings.maxResource(), rep.replicates()).mean()))
                .thenComparingInt(TrialState::number));
        return ranked.subList(0, Math.min(rep.confirmTopK(), ranked.size()));
    }

    private static Optional<TrialRequest> firstUnstarted(TrialState t, int from, int to) {
        for (int k = from; k < to; k++) {
            if (t.replicate(k, false) == null) {
                ScheduleStep first = t.schedule().get(0);
                return Optional.of(new TrialRequest(t.trialId(), t.number(), first.config(), 0, first.toResource(),
                        null, null, t.bracket(), k));
            }
        }
        return Optional.empty();
    }

    private static Optional<TrialRequest> resumePaused(TrialState t) {
        for (ReplicateRun r : t.replicates().values()) {
            if (r.status() == TrialStatus.PAUSED) {
                for (ScheduleStep s : t.schedule()) {
                    if (s.fromResource() == r.resource()) {
                        // it resumes from its own checkpoint: the runner keys checkpoints by trial and replicate
                        return Optional.of(new TrialRequest(t.trialId(), t.number(), s.config(), s.fromResource(),
                                s.toResource(), t.trialId(), null, t.bracket(), r.replicate()));
                    }
                }
                throw new IllegalStateException("replicate " + r.replicate() + " of " + t.trialId() + " paused at "
                        + r.resource() + ", where its schedule " + t.schedule() + " has no step");
            }
        }
        return Optional.empty();
    }
}
