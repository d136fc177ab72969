package io.mutune.hpo.tuner;

import io.mutune.hpo.space.Configuration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

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

    TrialState(TrialRequest first) {
        this.trialId = first.trialId();
        this.number = first.number();
        this.bracket = first.bracket();
        start(first);
    }

    void start(TrialRequest request) {
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
