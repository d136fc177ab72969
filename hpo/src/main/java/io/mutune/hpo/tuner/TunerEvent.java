package io.mutune.hpo.tuner;

import io.mutune.hpo.space.Configuration;
import java.util.Objects;

/**
 * One row of a tuner's journal: an ask (the request handed out) or a tell (the report received).
 * Plain fields so that a table (Delta, JDBC) can store it as is; {@link Tuner#replay} rebuilds the
 * tuner's state from a list of them.
 *
 * @param kind               ASK or TELL
 * @param trialId            the trial
 * @param number             the trial's number
 * @param configJson         ASK: the configuration as JSON; TELL: null
 * @param fromResource       ASK: where the segment starts; TELL: 0
 * @param toResource         ASK: where it ends; TELL: the resource reached
 * @param resumeFromTrialId  ASK: whose checkpoint to resume from, or null
 * @param parentTrialId      ASK: PBT parent, or null
 * @param bracket            ASK: scheduler bracket
 * @param metric             TELL: the metric (NaN/Inf allowed); ASK: NaN
 * @param outcome            TELL: the outcome; ASK: null
 * @param message            TELL: the report's message, or null
 * @param replicate          the segment's replicate index (0: the search's own run)
 */
public record TunerEvent(Kind kind, String trialId, int number, String configJson,
                         long fromResource, long toResource, String resumeFromTrialId,
                         String parentTrialId, int bracket,
                         double metric, TrialReport.Outcome outcome, String message, int replicate) {

    public enum Kind { ASK, TELL }

    public TunerEvent {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(trialId, "trialId");
        if (kind == Kind.ASK && configJson == null) {
            throw new IllegalArgumentException("ASK event of " + trialId + " has no configuration");
        }
        if (kind == Kind.TELL && outcome == null) {
            throw new IllegalArgumentException("TELL event of " + trialId + " has no outcome");
        }
    }

    public static TunerEvent ask(TrialRequest r) {
        return new TunerEvent(Kind.ASK, r.trialId(), r.number(), r.config().toJson(), r.fromResource(), r.toResource(),
                r.resumeFromTrialId(), r.parentTrialId(), r.bracket(), Double.NaN, null, null, r.replicate());
    }

    public static TunerEvent tell(TrialReport r, int number) {
        return new TunerEvent(Kind.TELL, r.trialId(), number, null, 0, r.resource(), null, null, 0,
                r.metric(), r.outcome(), r.message(), r.replicate());
    }

    /** The request of an ASK event. */
    public TrialRequest toRequest() {
        if (kind != Kind.ASK) {
            throw new IllegalArgumentException("event of " + trialId + " is a " + kind + ", not an ASK");
        }
        return new TrialRequest(trialId, number, Configuration.fromJson(configJson), fromResource, toResource,
                resumeFromTrialId, parentTrialId, bracket, replicate);
    }

    /** The report of a TELL event. */
    public TrialReport toReport() {
        if (kind != Kind.TELL) {
            throw new IllegalArgumentException("event of " + trialId + " is a " + kind + ", not a TELL");
        }
        return new TrialReport(trialId, toResource, metric, outcome, message, replicate);
    }
}
