package io.mutune.jobs.ml;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.util.MLReader;

/** Loads what {@link ModelWriter} saved. */
final class ModelReader extends MLReader<MuTuneValidatorModel> {
    @Override
    public MuTuneValidatorModel load(String path) {
        JsonNode m = StageIO.readMetadata(sparkSession(), path, MuTuneValidatorModel.class);
        List<TrialSummary> trials = new ArrayList<>();
        for (JsonNode t : m.path("trials")) {
            trials.add(new TrialSummary(t.path("number").asInt(), t.path("config").asText(), t.path("resource").asLong(),
                    t.path("metric").isNull() ? Double.NaN : t.path("metric").asDouble(), t.path("error").isNull() ? null : t.path("error").asText()));
        }
        Model<?> best = StageIO.loadStage(sparkSession(), path + "/bestModel");
        return new MuTuneValidatorModel(m.path("uid").asText(), best, m.path("bestConfig").asText(), m.path("bestMetric").asDouble(), trials);
    }
}
