package io.mutune.jobs.ml;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.util.MLReader;

/** Loads what {@link ValidatorWriter} saved. */
final class ValidatorReader extends MLReader<MuTuneValidator> {
    @Override
    public MuTuneValidator load(String path) {
        JsonNode m = StageIO.readMetadata(sparkSession(), path, MuTuneValidator.class);
        MuTuneValidator v = new MuTuneValidator(m.path("uid").asText());
        StageIO.restoreParams(v, m);
        Estimator<?> est = StageIO.loadStage(sparkSession(), path + "/estimator");
        Evaluator eval = StageIO.loadStage(sparkSession(), path + "/evaluator");
        return v.setEstimator(est).setEvaluator(eval);
    }
}
