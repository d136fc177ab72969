package io.mutune.jobs.ml;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;

/** Saves a {@link MuTuneValidatorModel}: metadata JSON with the trials, and the best model as a stage of its own. */
final class ModelWriter extends MLWriter {
    private final MuTuneValidatorModel instance;
    private final MLWritable best;

    ModelWriter(MuTuneValidatorModel instance) {
        this.instance = instance;
        this.best = StageIO.writable(instance.bestModel(), "best model", "MuTuneValidatorModel " + instance.uid());
    }

    @Override
    public void saveImpl(String path) {
        ObjectNode m = StageIO.metadata(instance, List.of());
        m.put("bestConfig", instance.bestConfigJson());
        m.put("bestMetric", instance.bestMetric());
        ArrayNode trials = m.putArray("trials");
        for (TrialSummary t : instance.trials()) {
            ObjectNode n = trials.addObject();
            n.put("number", t.number());
            n.put("config", t.configJson());
            n.put("resource", t.resource());
            // JSON has no NaN: a failed trial's metric is written as null.
            if (Double.isFinite(t.metric())) {
                n.put("metric", t.metric());
            } else {
                n.putNull("metric");
            }
            n.put("error", t.error());
        }
        StageIO.writeMetadata(sparkSession(), path, m);
        try {
            best.write().save(path + "/bestModel");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot save a part of " + instance.uid() + " under " + path, e);
        }
    }
}
