package io.mutune.jobs.ml;

import io.mutune.hpo.tuner.TrialRequest;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/** Fits one configuration on the training split and scores it on the validation split. */
record TrialEvaluation(Estimator<?> estimator, Evaluator evaluator, Dataset<Row> train, Dataset<Row> valid, String resourceParam) {

    /**
     * A failed fit is a result (an invalid Param combination, say), not a crash: the tuner marks
     * the trial failed and goes on, as it would with a crashed proxy.
     */
    TrialSummary evaluate(TrialRequest req) {
        boolean hasResource = resourceParam != null && !resourceParam.isEmpty();
        long resource = hasResource ? req.toResource() : 0;
        try {
            ParamMap params = ParamAssignment.toParamMap(estimator, req.config(), resourceParam, req.toResource());
            Model<?> model = (Model<?>) estimator.fit(train, params);
            double metric = evaluator.evaluate(model.transform(valid));
            return new TrialSummary(req.number(), req.config().toJson(), resource, metric, null);
        } catch (RuntimeException e) {
            return new TrialSummary(req.number(), req.config().toJson(), resource, Double.NaN, e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }
}
