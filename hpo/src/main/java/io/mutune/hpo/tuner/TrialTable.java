package io.mutune.hpo.tuner;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** All trials of a tuner, by creation order; the state that a replay of the journal rebuilds. */
public final class TrialTable {
    private final Map<String, TrialState> byId = new LinkedHashMap<>();
    private final List<TrialState> inOrder = new ArrayList<>();
    private long resourceSpent;
    private final List<Report> reports = new ArrayList<>();

    /**
     * One report in arrival order: {@code trial} reported {@code result} for its segment ending at
     * {@code level}. Lets schedulers update their indexes incrementally instead of rescanning.
     */
    public record Report(TrialState trial, long level, TrialResult result) { }

    void add(TrialState t) {
        byId.put(t.trialId(), t);
        inOrder.add(t);
    }

    void recordReport(TrialState trial, long level, TrialResult result) {
        reports.add(new Report(trial, level, result));
    }

    /** Every report so far, in arrival order. */
    public List<Report> reports() {
        return Collections.unmodifiableList(reports);
    }

    void charge(long resource) {
        resourceSpent += resource;
    }

    public List<TrialState> trials() {
        return Collections.unmodifiableList(inOrder);
    }

    public int size() {
        return inOrder.size();
    }

    /** The trial, or null when there is none with that id. */
    public TrialState find(String trialId) {
        return byId.get(trialId);
    }

    public TrialState get(String trialId) {
        TrialState t = byId.get(trialId);
        if (t == null) {
            throw new IllegalArgumentException("no trial '" + trialId + "'");
        }
        return t;
    }

    public long runningCount() {
        return inOrder.stream().filter(t -> t.status() == TrialStatus.RUNNING).count();
    }

    /** The resource handed out so far (sum of toResource - fromResource over all segments). */
    public long resourceSpent() {
        return resourceSpent;
    }
}
