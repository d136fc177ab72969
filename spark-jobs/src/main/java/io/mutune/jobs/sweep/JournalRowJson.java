package io.mutune.jobs.sweep;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.mutune.connectors.journal.JournalRow;
import io.mutune.connectors.journal.TrialStatus;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One journal row as one line of JSON, for the write-ahead log; fields by the journal's column
 * names. NaN and Infinity are written as such, because diverged metrics are data. Version 2 adds
 * bracket, resume_from and replicate, as schema version 2 of the journal does. Lines of version 1
 * (a log left by a version-1 driver) still read: their rows lack those three, which
 * {@code JournalV1Rows} recovers from the RUNNING rows' notes, as for a version-1 table.
 */
final class JournalRowJson {
    static final int VERSION = 2;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .build();

    private JournalRowJson() { }

    static String write(JournalRow r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("v", VERSION);
        m.put("sweep_id", r.sweepId());
        m.put("seq", r.seq());
        m.put("scale_key", r.scaleKey());
        m.put("width", r.width());
        m.put("depth", r.depth());
        m.put("tokens", r.tokens());
        m.put("batch", r.batch());
        m.put("trial_id", r.trialId());
        m.put("number", r.number());
        m.put("parent_trial", r.parentTrial());
        m.put("config", r.configJson());
        m.put("from_resource", r.fromResource());
        m.put("target_resource", r.targetResource());
        m.put("resource", r.resource());
        m.put("metrics", r.metrics());
        m.put("curve", r.curveJson());
        m.put("status", r.status().column());
        m.put("attempt", r.attempt());
        m.put("executor", r.executor());
        m.put("gpu", r.gpu());
        m.put("checkpoint", r.checkpoint());
        m.put("seed", r.seed());
        m.put("message", r.message());
        m.put("started_at", r.startedAt() == null ? null : r.startedAt().toEpochMilli());
        m.put("finished_at", r.finishedAt() == null ? null : r.finishedAt().toEpochMilli());
        m.put("bracket", r.bracket());
        m.put("resume_from", r.resumeFrom());
        m.put("replicate", r.replicate());
        try {
            return JSON.writeValueAsString(m);
        } catch (IOException e) {
            throw new UncheckedIOException("journal row of " + r.trialId() + " cannot be written as JSON", e);
        }
    }

    /** @throws IllegalArgumentException naming the line's problem, for a line that is not a row of version 1 or 2 */
    static JournalRow read(String line) {
        JsonNode n;
        try {
            n = JSON.readTree(line);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON journal row: " + e.getOriginalMessage(), e);
        }
        int version = n == null ? -1 : n.path("v").asInt(-1);
        if (version != 1 && version != VERSION) {
            throw new IllegalArgumentException("expected a journal row of version 1 or " + VERSION + ", got " + line);
        }
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.path("metrics").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            metrics.put(e.getKey(), e.getValue().asDouble());
        }
        return new JournalRow(text(n, "sweep_id"), n.path("seq").asLong(), text(n, "scale_key"),
                number(n, "width"), number(n, "depth"), number(n, "tokens"), number(n, "batch"),
                text(n, "trial_id"), n.path("number").asInt(), text(n, "parent_trial"), text(n, "config"),
                n.path("from_resource").asLong(), n.path("target_resource").asLong(), n.path("resource").asLong(),
                metrics, text(n, "curve"), TrialStatus.fromColumn(text(n, "status")), n.path("attempt").asInt(),
                text(n, "executor"), text(n, "gpu"), text(n, "checkpoint"), n.path("seed").asLong(), text(n, "message"),
                instant(n, "started_at"), instant(n, "finished_at"),
                integer(n, "bracket"), text(n, "resume_from"), integer(n, "replicate"));
    }

    private static Integer integer(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asInt();
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Double number(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asDouble();
    }

    private static Instant instant(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : Instant.ofEpochMilli(v.asLong());
    }
}
