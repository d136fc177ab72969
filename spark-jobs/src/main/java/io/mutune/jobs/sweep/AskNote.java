package io.mutune.jobs.sweep;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a RUNNING row must carry for replay that the journal has no column for yet: the request's
 * bracket, whose checkpoint it resumes from, and its seed replicate. Kept in the RUNNING row's message
 * as {@code ask bracket=2 resume_from=w64-t0003 replicate=1} until the journal grows those columns
 * (a note without {@code replicate=} is replicate 0).
 */
record AskNote(int bracket, String resumeFromTrialId, int replicate) {
    private static final Pattern FORM = Pattern.compile("ask bracket=(-?\\d+) resume_from=(\\S+)(?: replicate=(\\d+))?");

    AskNote(int bracket, String resumeFromTrialId) {
        this(bracket, resumeFromTrialId, 0);
    }

    String message() {
        return "ask bracket=" + bracket + " resume_from=" + (resumeFromTrialId == null ? "-" : resumeFromTrialId)
                + (replicate == 0 ? "" : " replicate=" + replicate);
    }

    /** The note of a RUNNING row; a row without one (written by an older driver) means bracket 0, resume from itself if it starts past 0. */
    static AskNote parse(String message, String trialId, String parentTrial, long fromResource) {
        Matcher m = message == null ? null : FORM.matcher(message);
        if (m != null && m.matches()) {
            return new AskNote(Integer.parseInt(m.group(1)), m.group(2).equals("-") ? null : m.group(2),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
        }
        String resume = fromResource == 0 ? null : parentTrial != null ? parentTrial : trialId;
        return new AskNote(0, resume);
    }
}
