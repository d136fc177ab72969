package io.mutune.jobs.ml;

import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;

/** Saves a {@link MuTuneValidator}: metadata JSON, then its estimator and evaluator as stages of their own. */
final class ValidatorWriter extends MLWriter {
    private final MuTuneValidator instance;
    private final MLWritable estimator;
    private final MLWritable evaluator;

    ValidatorWriter(MuTuneValidator instance) {
        this.instance = instance;
        String owner = "MuTuneValidator " + instance.uid();
        this.estimator = StageIO.writable(instance.isDefined(instance.estimator()) ? instance.getEstimator() : null, "estimator", owner);
        this.evaluator = StageIO.writable(instance.isDefined(instance.evaluator()) ? instance.getEvaluator() : null, "evaluator", owner);
    }

    @Override
    public void saveImpl(String path) {
        StageIO.writeMetadata(sparkSession(), path, StageIO.metadata(instance, instance.jsonParams()));
        try {
            estimator.write().save(path + "/estimator");
            evaluator.write().save(path + "/evaluator");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException("cannot save a part of " + instance.uid() + " under " + path, e);
        }
    }
}
