package io.mutune.jobs.ml;

import java.util.List;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * What {@link MuTuneValidator#fit} returns: the best configuration refitted on the whole dataset,
 * which {@link #transform} delegates to, and every trial's validation metric.
 */
public class MuTuneValidatorModel extends Model<MuTuneValidatorModel> implements MLWritable {
    private static final long serialVersionUID = 1L;
    private final String uid;
    private final Model<?> bestModel;
    private final String bestConfigJson;
    private final double bestMetric;
    private final List<TrialSummary> trials;

    MuTuneValidatorModel(String uid, Model<?> bestModel, String bestConfigJson, double bestMetric, List<TrialSummary> trials) {
        this.uid = uid;
        this.bestModel = bestModel;
        this.bestConfigJson = bestConfigJson;
        this.bestMetric = bestMetric;
        this.trials = List.copyOf(trials);
    }

    public Model<?> bestModel() {
        return bestModel;
    }

    /** The winning configuration as JSON, by the estimator's Param names. */
    public String bestConfigJson() {
        return bestConfigJson;
    }

    /** The evaluator's value of the best configuration on the validation split. */
    public double bestMetric() {
        return bestMetric;
    }

    /** Every trial, in the order they finished. */
    public List<TrialSummary> trials() {
        return trials;
    }

    /** The validation metric of every trial, in the order they finished (TrainValidationSplitModel's validationMetrics). */
    public double[] validationMetrics() {
        return trials.stream().mapToDouble(TrialSummary::metric).toArray();
    }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public Dataset<Row> transform(Dataset<?> dataset) {
        transformSchema(dataset.schema(), true);
        return bestModel.transform(dataset);
    }

    @Override
    public StructType transformSchema(StructType schema) {
        return bestModel.transformSchema(schema);
    }

    @Override
    public MuTuneValidatorModel copy(ParamMap extra) {
        MuTuneValidatorModel copied = new MuTuneValidatorModel(uid, (Model<?>) bestModel.copy(extra), bestConfigJson, bestMetric, trials);
        return copyValues(copied, extra).setParent(parent());
    }

    @Override
    public MLWriter write() {
        return new ModelWriter(this);
    }

    public static MLReader<MuTuneValidatorModel> read() {
        return new ModelReader();
    }

    public static MuTuneValidatorModel load(String path) {
        return read().load(path);
    }
}
