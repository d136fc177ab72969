package io.mutune.hpo.schedule;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.tuner.TrialRequest;
import io.mutune.hpo.tuner.TrialState;
import io.mutune.hpo.tuner.TrialTable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The hyperparameter schedule that produced a trial's weights: its own segments back to its last
 * exploit, then the parent's segments up to the copied checkpoint, and so on back to a fresh start.
 * This is how a PBT winner's schedule is read back (a recommendation that is a schedule).
 */
public final class Lineage {
    /** One interval of the schedule: {@code trialId} trained from {@code fromResource} to {@code toResource} with {@code config}. */
    public record Step(String trialId, long fromResource, long toResource, Configuration config, String copiedFrom) { }

    private Lineage() { }

    public static List<Step> of(TrialTable trials, String trialId) {
        List<Step> reversed = new ArrayList<>();
        String current = trialId;
        long upTo = Long.MAX_VALUE;
        for (int guard = 0; current != null && guard < 100_000; guard++) {
            TrialState t = trials.get(current);
            String next = null;
            long nextUpTo = 0;
            List<TrialRequest> segs = t.segments();
            for (int i = segs.size() - 1; i >= 0; i--) {
                TrialRequest s = segs.get(i);
                if (s.toResource() > upTo) {
                    continue;
                }
                reversed.add(new Step(t.trialId(), s.fromResource(), s.toResource(), s.config(),
                        s.resumeFromTrialId() != null && !s.resumeFromTrialId().equals(t.trialId()) ? s.resumeFromTrialId() : null));
                if (s.resumeFromTrialId() != null && !s.resumeFromTrialId().equals(t.trialId())) {
                    next = s.resumeFromTrialId();
                    nextUpTo = s.fromResource();
                    break;
                }
            }
            current = next;
            upTo = nextUpTo;
        }
        Collections.reverse(reversed);
        return reversed;
    }
}
