package io.mutune.jobs.ml;

import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.types.StructType;

/** An estimator with no writer, to check that saving a validator around it fails before writing anything. */
public class UnsavableEstimator extends Estimator<LogisticRegressionModel> {
    private final String uid = Identifiable.randomUID("unsavable");

    @Override
    public LogisticRegressionModel fit(Dataset<?> dataset) {
        return new LogisticRegression().fit(dataset);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return new LogisticRegression().transformSchema(schema);
    }

    @Override
    public Estimator<LogisticRegressionModel> copy(ParamMap extra) {
        return defaultCopy(extra);
    }

    @Override
    public String uid() {
        return uid;
    }
}
