package io.mutune.hpo.tuner;

import io.mutune.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trial as the tuner knows it: its configuration (the latest, for PBT), the segments it ran and
 * what they reported. Only the tuner changes it; schedulers and searchers read it.
 */
public final class TrialState {
    private final String trialId;
    private final int number;
    private final int bracket;
    private Configuration config;
    private String parentTrialId;
    private TrialStatus status = TrialStatus.RUNNING;
    private long resource;
    private TrialRequest running;
    private Decision lastDecision;
    private final List<TrialResult> results = new ArrayList<>();
    private final List<TrialRequest> segments = new ArrayList<>();
    private final List<ScheduleStep> schedule = new ArrayList<>();
    private final TreeMap<Integer, ReplicateRun> replicates = new TreeMap<>();

    TrialState(TrialRequest first) {
        this.trialId = first.trialId();
        this.number = first.number();
        this.bracket = first.bracket();
        start(first, List.of());
    }

    /**
     * @param inherited for a PBT exploit, the parent's schedule up to the copy (it replaces this
     *                  trial's own history, as the weights do); otherwise ignored
     */
    void start(TrialRequest request, List<ScheduleStep> inherited) {
        if (request.parentTrialId() != null) {
            schedule.clear();
            schedule.addAll(inherited);
        }
        schedule.add(new ScheduleStep(request.fromResource(), request.toResource(), request.config()));
        this.config = request.config();
        if (request.parentTrialId() != null) {
            this.parentTrialId = request.parentTrialId();
        }
        this.running = request;
        this.status = TrialStatus.RUNNING;
        this.resource = request.fromResource();
        segments.add(request);
    }

    void finish(TrialResult result, TrialStatus newStatus, Decision decision) {
        results.add(result);
        this.resource = result.resource();
        this.status = newStatus;
        this.lastDecision = decision;
        this.running = null;
    }

    void decide(Decision decision) {
        this.lastDecision = decision;
    }

    void stop(Decision decision) {
        this.lastDecision = decision;
        this.status = TrialStatus.STOPPED;
    }

    public String trialId() {
        return trialId;
    }

    public int number() {
        return number;
    }

    public int bracket() {
        return bracket;
    }

    /** The current configuration (PBT changes it on exploit). */
    public Configuration config() {
        return config;
    }

    /** The trial it last copied (PBT), or null. */
    public String parentTrialId() {
        return parentTrialId;
    }

    public TrialStatus status() {
        return status;
    }

    /** The resource trained so far (the last report's level, or the running segment's start). */
    public long resource() {
        return resource;
    }

    /** The segment being run, or null. */
    public TrialRequest running() {
        return running;
    }

    /** The scheduler's decision after the last report, or null before any. */
    public Decision lastDecision() {
        return lastDecision;
    }

    public List<TrialResult> results() {
        return Collections.unmodifiableList(results);
    }

    /** Every segment handed out for this trial, in order: the lineage of PBT exploits included. */
    public List<TrialRequest> segments() {
        return Collections.unmodifiableList(segments);
    }

    /**
     * The configurations its weights were trained with, from resource 0 to where it is now, with
     * consecutive steps of one configuration merged: one step unless PBT changed it.
     */
    public List<ScheduleStep> schedule() {
        return scheduleUpTo(Long.MAX_VALUE);
    }

    /** {@link #schedule()} cut at {@code resource}: what a trial that copies this one at that level inherits. */
    List<ScheduleStep> scheduleUpTo(long resource) {
        List<ScheduleStep> out = new ArrayList<>();
        for (ScheduleStep s : schedule) {
            if (s.fromResource() >= resource) {
                break;
            }
            long to = Math.min(s.toResource(), resource);
            ScheduleStep last = out.isEmpty() ? null : out.get(out.size() - 1);
            if (last != null && last.config().equals(s.config()) && last.toResource() == s.fromResource()) {
                out.set(out.size() - 1, new ScheduleStep(last.fromResource(), to, s.config()));
            } else {
                out.add(new ScheduleStep(s.fromResource(), to, s.config()));
            }
        }
        return out;
    }

    /** Its extra seeds (replicate index &gt; 0) handed out so far, by index. */
    public Map<Integer, ReplicateRun> replicates() {
        return Collections.unmodifiableMap(replicates);
    }

    ReplicateRun replicate(int index, boolean create) {
        return create ? replicates.computeIfAbsent(index, ReplicateRun::new) : replicates.get(index);
    }

    /** The last result, or null. */
    public TrialResult lastResult() {
        return results.isEmpty() ? null : results.get(results.size() - 1);
    }

    /** The metric reported at exactly {@code level}, or NaN when none was (or it diverged there). */
    public double metricAt(long level) {
        for (int i = results.size() - 1; i >= 0; i--) {
            if (results.get(i).resource() == level) {
                return results.get(i).metric();
            }
        }
        return Double.NaN;
    }

    /** True when a completed result at exactly {@code level} exists. */
    public boolean reached(long level) {
        for (TrialResult r : results) {
            if (r.resource() == level && r.outcome() == TrialReport.Outcome.COMPLETED) {
                return true;
            }
        }
        return false;
    }
}
