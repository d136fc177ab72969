package io.mutune.connectors.journal;

import java.io.Serializable;
import java.time.Instant;
import java.util.Map;

/**
 * One row of the trial journal: one state of one trial segment. The journal is append-only; a
 * segment has a RUNNING row when it starts and a terminal row when it ends, and replaying the rows
 * in {@code seq} order rebuilds every tuner.
 *
 * @param seq            the driver's event number within the sweep, for ordering the replay
 * @param number         the trial's number within its scale point's tuner
 * @param fromResource   the resource the segment started from (0 for a fresh trial)
 * @param targetResource the resource the segment was asked to reach
 * @param resource       the resource actually reached
 * @param parentTrial    set only on a PBT exploit segment: the trial whose checkpoint and hyperparameters
 *                       this segment took over; else null
 * @param curveJson      the learning curve of this segment, JSON [[resource, {metric: value}], ...]
 * @param bracket        the scheduler's bracket of the request that started the segment (Hyperband, BOHB;
 *                       0 without one)
 * @param resumeFrom     whose checkpoint the segment loaded at {@code fromResource}: the trial itself for
 *                       a promotion, the parent for a PBT exploit; null for a fresh start
 * @param replicate      0 for the search's own run of the trial, k &gt; 0 for its k-th extra seed
 *
 * <p>{@code bracket}, {@code resumeFrom} and {@code replicate} are the journal's schema-version-2
 * columns. A row written without them (by schema version 1, or by a version-1 driver) has all three
 * null until {@link JournalV1Rows#recover} fills them in from its note; every {@link TrialJournal#read}
 * returns rows with them filled in.
 */
public record JournalRow(
        String sweepId,
        long seq,
        String scaleKey,
        Double width,
        Double depth,
        Double tokens,
        Double batch,
        String trialId,
        int number,
        String parentTrial,
        String configJson,
        long fromResource,
        long targetResource,
        long resource,
        Map<String, Double> metrics,
        String curveJson,
        TrialStatus status,
        int attempt,
        String executor,
        String gpu,
        String checkpoint,
        long seed,
        String message,
        Instant startedAt,
        Instant finishedAt,
        Integer bracket,
        String resumeFrom,
        Integer replicate) implements Serializable {

    public JournalRow {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        if (replicate != null && replicate < 0) {
            throw new IllegalArgumentException("journal row " + trialId + ": replicate must be >= 0, got " + replicate);
        }
    }

    /** A row as schema version 1 wrote it, without bracket, resume_from and replicate. */
    public JournalRow(String sweepId, long seq, String scaleKey, Double width, Double depth, Double tokens, Double batch,
                      String trialId, int number, String parentTrial, String configJson,
                      long fromResource, long targetResource, long resource, Map<String, Double> metrics, String curveJson,
                      TrialStatus status, int attempt, String executor, String gpu, String checkpoint, long seed, String message,
                      Instant startedAt, Instant finishedAt) {
        this(sweepId, seq, scaleKey, width, depth, tokens, batch, trialId, number, parentTrial, configJson,
                fromResource, targetResource, resource, metrics, curveJson, status, attempt, executor, gpu, checkpoint, seed,
                message, startedAt, finishedAt, null, null, null);
    }

    /** Whether the row records its bracket and replicate (false for a row written without them). */
    public boolean hasRequestColumns() {
        return bracket != null && replicate != null;
    }

    /** This row with the request columns set, as {@link JournalV1Rows} recovers them. */
    public JournalRow withRequest(int newBracket, String newResumeFrom, int newReplicate) {
        return new JournalRow(sweepId, seq, scaleKey, width, depth, tokens, batch, trialId, number, parentTrial, configJson,
                fromResource, targetResource, resource, metrics, curveJson, status, attempt, executor, gpu, checkpoint, seed,
                message, startedAt, finishedAt, newBracket, newResumeFrom, newReplicate);
    }

    /** The scale point as a map of the axes this row has. */
    public Map<String, Double> scale() {
        java.util.LinkedHashMap<String, Double> m = new java.util.LinkedHashMap<>();
        if (width != null) {
            m.put("width", width);
        }
        if (depth != null) {
            m.put("depth", depth);
        }
        if (tokens != null) {
            m.put("tokens", tokens);
        }
        if (batch != null) {
            m.put("batch", batch);
        }
        return m;
    }
}
