package io.mutune.hpo.tuner;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The ask/tell core. {@link #ask()} hands out a trial segment (a new trial from the searcher, or a
 * promotion/exploit from the scheduler); {@link #tell} records what it gave. Every ask and tell is
 * journaled as a {@link TunerEvent}; the state is a pure function of that journal, so
 * {@link #replay} on a fresh tuner rebuilds it and the same next suggestions follow (given the seed).
 *
 * <p>Thread-safe: the local runner calls it from its worker threads.
 */
public final class Tuner {
    private static final long SEARCHER_STREAM = 0;
    private static final long SCHEDULER_STREAM = 1;

    private final SearchSpace space;
    private final Searcher searcher;
    private final Scheduler scheduler;
    private final TunerSettings settings;
    private final Budget budget;
    private final TrialTable table = new TrialTable();
    private final List<TunerEvent> events = new ArrayList<>();

    private Tuner(SearchSpace space, Searcher searcher, Scheduler scheduler, TunerSettings settings, Budget budget) {
        this.space = Objects.requireNonNull(space, "space");
        this.searcher = Objects.requireNonNull(searcher, "searcher");
        this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.budget = Objects.requireNonNull(budget, "budget");
    }

    /** A tuner that trains every trial to {@code settings.maxResource()} in one segment. */
    public static Tuner create(SearchSpace space, Searcher searcher, TunerSettings settings) {
        return new Tuner(space, searcher, new FullResourceScheduler(), settings, Budget.UNLIMITED);
    }

    /** A tuner whose trials a multi-fidelity scheduler (ASHA, Hyperband, PBT...) drives. */
    public static Tuner create(SearchSpace space, Searcher searcher, Scheduler scheduler, TunerSettings settings) {
        return new Tuner(space, searcher, scheduler, settings, Budget.UNLIMITED);
    }

    /** As above, with a cap on the total resource handed out (on top of {@code maxTrials}). */
    public static Tuner create(SearchSpace space, Searcher searcher, Scheduler scheduler, TunerSettings settings, Budget budget) {
        return new Tuner(space, searcher, scheduler, settings, budget);
    }

    /**
     * The next segment to run, or empty when there is nothing to hand out now: every trial is
     * running or waiting for others, or the budget is reached.
     */
    public synchronized Optional<TrialRequest> ask() {
        return askOne(null);
    }

    /**
     * Up to {@code max} segments at once, as {@code max} calls of {@link #ask()} would give them,
     * except that a {@link BatchSearcher} proposes the new trials among them from one model fit:
     * a caller with many free slots does not wait on one fit per slot. Stops early when there is
     * nothing more to hand out now.
     *
     * @param max at least 1
     */
    public synchronized List<TrialRequest> ask(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("ask for at least 1 segment, got " + max);
        }
        List<TrialRequest> out = new ArrayList<>();
        Batch batch = searcher instanceof BatchSearcher && max > 1 ? new Batch(max) : null;
        while (out.size() < max) {
            Optional<TrialRequest> r = askOne(batch);
            if (r.isEmpty()) {
                break;
            }
            out.add(r.get());
            if (batch != null) {
                batch.left--;
            }
        }
        return out;
    }

    private Optional<TrialRequest> askOne(Batch batch) {
        // Extra seeds first: they finish evaluating configurations the searcher already builds on.
        Optional<TrialRequest> replicate = ReplicatePlanner.replicates(table, settings);
        if (replicate.isPresent()) {
            applyAsk(replicate.get());
            return replicate;
        }
        Assignment a = nextAssignment();
        if (a instanceof Assignment.Wait && searchDone(a)) {
            Optional<TrialRequest> confirm = ReplicatePlanner.confirmation(table, settings);
            confirm.ifPresent(this::applyAsk);
            return confirm;
        }
        TrialRequest request = null;
        if (a instanceof Assignment.Start s) {
            request = newTrial(s, batch);
        } else if (a instanceof Assignment.Resume r) {
            request = resume(r);
        } else if (a instanceof Assignment.Exploit e) {
            request = exploit(e);
        }
        if (request == null) {
            return Optional.empty();
        }
        applyAsk(request);
        return Optional.of(request);
    }

    /**
     * Records a report. A NaN or Inf metric counts as diverged; the searcher then sees the worst
     * value seen so far, never an exception.
     *
     * @throws IllegalStateException when the trial is unknown or not running (a duplicate report)
     */
    public synchronized void tell(TrialReport report) {
        applyTell(report);
    }

    /** True when the budget is reached and nothing is running, so no ask can give work again. */
    public synchronized boolean isFinished() {
        return searchDone(nextAssignment()) && replicatesRunning() == 0
                && ReplicatePlanner.replicates(table, settings).isEmpty()
                && ReplicatePlanner.confirmation(table, settings).isEmpty();
    }

    /** The search is done when its scheduler has nothing more to give and none of its own runs or replicates is out. */
    private boolean searchDone(Assignment next) {
        return next instanceof Assignment.Wait && table.runningCount() == 0
                && !ReplicatePlanner.replicatesOutstanding(table, settings);
    }

    private long replicatesRunning() {
        return table.trials().stream().flatMap(t -> t.replicates().values().stream())
                .filter(r -> r.status() == TrialStatus.RUNNING).count();
    }

    /** The journal so far: every ask and tell, in order. */
    public synchronized List<TunerEvent> events() {
        return List.copyOf(events);
    }

    /**
     * Rebuilds the state from a journal, on a tuner that has seen nothing yet. The searcher and
     * scheduler are not consulted for asks: the journal already says what was handed out.
     */
    public synchronized void replay(List<TunerEvent> journal) {
        if (!events.isEmpty()) {
            throw new IllegalStateException("replay needs a fresh tuner; this one has " + events.size() + " events");
        }
        for (TunerEvent e : journal) {
            if (e.kind() == TunerEvent.Kind.ASK) {
                applyAsk(e.toRequest());
            } else {
                applyTell(e.toReport());
            }
        }
    }

    /** The trials so far (read-only view; do not use while other threads ask and tell). */
    public synchronized TrialTable trials() {
        return table;
    }

    /** The trial of {@link #pick()}, if any. */
    public synchronized Optional<TrialState> best() {
        return pick().map(Pick::trial);
    }

    /**
     * The configuration the sweep names: the best mean over its runs at the highest resource any
     * trial completed. Once confirmation has run, only the confirmed configurations compete, on
     * all their runs: a configuration seen once cannot win on one lucky seed against ones
     * measured several times. A configuration with a diverged run never wins.
     */
    public synchronized Optional<Pick> pick() {
        long top = table.trials().stream().flatMap(t -> t.results().stream())
                .filter(r -> r.outcome() == TrialReport.Outcome.COMPLETED)
                .mapToLong(TrialResult::resource).max().orElse(-1);
        List<TrialState> candidates = table.trials().stream().filter(t -> t.reached(top)).toList();
        if (top == settings.maxResource() && settings.replication().confirms() && isFinished()) {
            candidates = ReplicatePlanner.confirmSet(table, settings);
        }
        Pick best = null;
        for (TrialState t : candidates) {
            FinalRuns runs = top == settings.maxResource() ? FinalRuns.of(t, top)
                    : new FinalRuns(List.of(t.metricAt(top)), false, 0);
            if (runs.usable() && (best == null || settings.score(runs.mean()) < settings.score(best.meanMetric()))) {
                best = new Pick(t, top, runs.mean(), runs.count(), runs.sd());
            }
        }
        return Optional.ofNullable(best);
    }

    public SearchSpace space() {
        return space;
    }

    public TunerSettings settings() {
        return settings;
    }

    public Searcher searcher() {
        return searcher;
    }

    public Scheduler scheduler() {
        return scheduler;
    }

    private Assignment nextAssignment() {
        boolean mayStart = table.size() < settings.maxTrials() && budget.allowsMore(table.resourceSpent());
        Assignment a = scheduler.next(table, settings, mayStart, Seeds.stream(settings.seed(), SCHEDULER_STREAM, events.size()));
        if (a instanceof Assignment.Start && !mayStart) {
            return Assignment.WAIT;
        }
        if (!(a instanceof Assignment.Wait) && !budget.allowsMore(table.resourceSpent())) {
            return Assignment.WAIT;
        }
        return a;
    }

    private TrialRequest newTrial(Assignment.Start s, Batch batch) {
        int number = table.size();
        Configuration config;
        if (batch != null) {
            if (batch.configs.isEmpty()) {
                // one fit for as many new trials as this call may still start; the rest of it is dropped
                int count = Math.max(1, Math.min(batch.left, settings.maxTrials() - number));
                batch.configs.addAll(((BatchSearcher) searcher).suggestBatch(SearchHistory.of(space, number, table, settings), count,
                        Seeds.stream(settings.seed(), SEARCHER_STREAM, number)));
            }
            config = batch.configs.removeFirst();
        } else {
            SearchHistory history = SearchHistory.of(space, number, table, settings);
            config = searcher.suggest(history, Seeds.stream(settings.seed(), SEARCHER_STREAM, number));
        }
        space.validate(config);
        return new TrialRequest(settings.trialId(number), number, config, 0, s.toResource(), null, null, s.bracket());
    }

    private TrialRequest resume(Assignment.Resume r) {
        TrialState t = table.get(r.trialId());
        // parentTrialId marks the segment where weights were copied, so a plain resume has none
        return new TrialRequest(t.trialId(), t.number(), t.config(), t.resource(), r.toResource(), t.trialId(),
                null, t.bracket());
    }

    private TrialRequest exploit(Assignment.Exploit e) {
        TrialState t = table.get(e.trialId());
        TrialState parent = table.get(e.parentTrialId());
        space.validate(e.config());
        return new TrialRequest(t.trialId(), t.number(), e.config(), parent.resource(), e.toResource(),
                parent.trialId(), parent.trialId(), t.bracket());
    }

    /** The configurations one batch fit proposed and one {@link #ask(int)} call has not handed out yet. */
    private static final class Batch {
        private final java.util.ArrayDeque<Configuration> configs = new java.util.ArrayDeque<>();
        private int left;

        Batch(int max) {
            this.left = max;
        }
    }

    private void applyAsk(TrialRequest request) {
        if (request.isReplicate()) {
            applyReplicateAsk(request);
            return;
        }
        TrialState existing = table.find(request.trialId());
        if (existing == null) {
            if (request.number() != table.size()) {
                throw new IllegalStateException("new trial " + request.trialId() + " has number " + request.number()
                        + ", expected " + table.size());
            }
            table.add(new TrialState(request));
        } else {
            // PBT replaces a diverged member by an exploit: it takes another member's weights, so its own NaN ones do not matter
            boolean replacing = existing.status() == TrialStatus.DIVERGED && request.parentTrialId() != null;
            if (existing.status() == TrialStatus.RUNNING || existing.status().isTerminal() && !replacing) {
                throw new IllegalStateException("trial " + request.trialId() + " is " + existing.status() + "; it cannot be resumed");
            }
            List<ScheduleStep> inherited = request.parentTrialId() == null ? List.of()
                    : table.get(request.parentTrialId()).scheduleUpTo(request.fromResource());
            existing.start(request, inherited);
        }
        table.charge(request.toResource() - request.fromResource());
        events.add(TunerEvent.ask(request));
    }

    private void applyReplicateAsk(TrialRequest request) {
        TrialState t = table.find(request.trialId());
        if (t == null) {
            throw new IllegalStateException("replicate " + request.replicate() + " of unknown trial " + request.trialId());
        }
        ReplicateRun existing = t.replicate(request.replicate(), false);
        boolean fresh = existing == null && request.fromResource() == 0;
        boolean resumes = existing != null && existing.status() == TrialStatus.PAUSED && existing.resource() == request.fromResource();
        if (!fresh && !resumes) {
            throw new IllegalStateException("replicate " + request.replicate() + " of " + request.trialId() + " is "
                    + (existing == null ? "new" : existing.status() + " at " + existing.resource())
                    + "; it cannot start a segment at " + request.fromResource());
        }
        ReplicateRun run = t.replicate(request.replicate(), true);
        run.start(request);
        table.charge(request.toResource() - request.fromResource());
        events.add(TunerEvent.ask(request));
    }

    private void applyReplicateTell(TrialReport report) {
        TrialState t = table.find(report.trialId());
        ReplicateRun run = t == null ? null : t.replicate(report.replicate(), false);
        if (run == null || run.status() != TrialStatus.RUNNING) {
            throw new IllegalStateException("replicate " + report.replicate() + " of trial " + report.trialId() + " is "
                    + (run == null ? "unknown" : run.status().toString()) + ", not running; a duplicate report?");
        }
        TrialReport.Outcome outcome = report.effectiveOutcome();
        TrialResult result = new TrialResult(report.resource(), report.metric(), outcome, t.config());
        if (outcome == TrialReport.Outcome.FAILED) {
            run.finish(result, TrialStatus.FAILED);
        } else if (outcome == TrialReport.Outcome.DIVERGED) {
            run.finish(result, TrialStatus.DIVERGED);
        } else if (report.resource() >= settings.maxResource()) {
            run.finish(result, TrialStatus.COMPLETED);
        } else {
            run.pause(report.resource()); // the next step of its trial's schedule follows
        }
        events.add(TunerEvent.tell(report, t.number()));
    }

    private void applyTell(TrialReport report) {
        if (report.replicate() > 0) {
            applyReplicateTell(report);
            return;
        }
        TrialState t = table.find(report.trialId());
        if (t == null || t.status() != TrialStatus.RUNNING) {
            throw new IllegalStateException("trial " + report.trialId() + " is "
                    + (t == null ? "unknown" : t.status().toString()) + ", not running; a duplicate report?");
        }
        TrialRequest seg = t.running();
        TrialReport.Outcome outcome = report.effectiveOutcome();
        if (outcome == TrialReport.Outcome.COMPLETED && report.resource() != seg.toResource()) {
            throw new IllegalArgumentException("trial " + report.trialId() + " was asked to train to " + seg.toResource()
                    + " but reports completion at " + report.resource());
        }
        TrialResult result = new TrialResult(report.resource(), report.metric(), outcome, t.config());
        table.recordReport(t, seg.toResource(), result);
        TrialStatus status;
        Decision decision = null;
        if (outcome == TrialReport.Outcome.FAILED) {
            status = TrialStatus.FAILED;
        } else if (outcome == TrialReport.Outcome.DIVERGED) {
            status = TrialStatus.DIVERGED;
        } else if (report.resource() >= settings.maxResource()) {
            status = TrialStatus.COMPLETED;
        } else {
            t.finish(result, TrialStatus.PAUSED, null); // the scheduler judges it with its result in the table
            decision = scheduler.onReport(table, t, settings);
            events.add(TunerEvent.tell(report, t.number()));
            if (decision == Decision.STOP) {
                t.stop(decision);
            } else {
                t.decide(decision);
            }
            stopAbandoned();
            return;
        }
        t.finish(result, status, decision);
        events.add(TunerEvent.tell(report, t.number()));
        stopAbandoned();
    }

    private void stopAbandoned() {
        for (String id : scheduler.abandoned(table, settings)) {
            TrialState loser = table.get(id);
            if (loser.status() == TrialStatus.PAUSED) {
                loser.stop(Decision.STOP);
            }
        }
    }
}
