package io.mutune.jobs.ml;

import io.mutune.hpo.space.SearchSpace;
import io.mutune.hpo.tuner.TrialState;
import io.mutune.hpo.tuner.Tuner;
import java.io.Serializable;
import java.util.List;
import java.util.Set;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.evaluation.Evaluator;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.util.Identifiable;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.ml.util.MLWriter;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;
import scala.Function1;

/**
 * A drop-in replacement for Spark ML's {@code TrainValidationSplit} that searches instead of
 * enumerating a grid: TPE, GP-BO or random search over any estimator's Params, or ASHA with the
 * model's iterations as the resource. Trials run {@code parallelism} at a time; the best
 * configuration is refitted on the whole dataset, as TrainValidationSplit does.
 *
 * <pre>{@code
 * new MuTuneValidator().setEstimator(new LogisticRegression()).setEvaluator(new BinaryClassificationEvaluator())
 *     .setSearchSpace("{regParam: {float: [1.0e-4, 1.0], log: true}, elasticNetParam: {float: [0, 1]}}")
 *     .setAlgorithm("tpe").setNumTrials(20).setParallelism(4)
 * }</pre>
 */
public class MuTuneValidator extends Estimator<MuTuneValidatorModel> implements MLWritable {
    private static final long serialVersionUID = 1L;
    static final Set<String> ALGORITHMS = Set.of("random", "tpe", "bo", "asha");

    private final String uid;
    private final Param<Estimator<?>> estimator;
    private final Param<Evaluator> evaluator;
    private final Param<String> searchSpace;
    private final Param<String> algorithm;
    private final IntParam numTrials;
    private final IntParam parallelism;
    private final LongParam seed;
    private final DoubleParam trainRatio;
    private final Param<String> resourceParam;
    private final IntParam minResource;
    private final IntParam maxResource;
    private final DoubleParam eta;

    public MuTuneValidator() {
        this(Identifiable.randomUID("muTuneValidator"));
    }

    public MuTuneValidator(String uid) {
        this.uid = uid;
        // Params are made here, after uid, because a Param records its parent's uid when constructed.
        estimator = new Param<>(this, "estimator", "the estimator whose Params are tuned");
        evaluator = new Param<>(this, "evaluator", "the evaluator that scores a fitted model on the validation split");
        searchSpace = new Param<>(this, "searchSpace",
                "the search space over the estimator's Params, JSON or YAML: {name: {float|int: [low, high], log: bool} | {categorical: [...]}}",
                valid(SpaceText::isValid));
        algorithm = new Param<>(this, "algorithm", "the searcher: " + ALGORITHMS, valid(ALGORITHMS::contains));
        numTrials = new IntParam(this, "numTrials", "how many configurations to try (>= 1)", validInt(v -> v >= 1));
        parallelism = new IntParam(this, "parallelism",
                "the number of trials fitted at once (>= 1), as HasParallelism", validInt(v -> v >= 1));
        seed = new LongParam(this, "seed", "random seed of the split and the searcher");
        trainRatio = new DoubleParam(this, "trainRatio",
                "fraction of the data used for training; the rest validates (0, 1)", validDouble(v -> v > 0 && v < 1));
        resourceParam = new Param<>(this, "resourceParam",
                "for asha: the estimator's int Param that measures training effort, e.g. maxIter; empty otherwise", valid(s -> s != null));
        minResource = new IntParam(this, "minResource", "for asha: the lowest rung's resource (>= 1)", validInt(v -> v >= 1));
        maxResource = new IntParam(this, "maxResource", "for asha: the full resource (>= 1)", validInt(v -> v >= 1));
        eta = new DoubleParam(this, "eta", "for asha: the reduction factor between rungs (> 1)", validDouble(v -> v > 1));
        setDefault(algorithm(), "tpe");
        setDefault(numTrials(), 20);
        setDefault(parallelism(), 1);
        setDefault(seed(), (long) MuTuneValidator.class.getName().hashCode());
        setDefault(trainRatio(), 0.75);
        setDefault(resourceParam(), "");
        setDefault(minResource(), 1);
        setDefault(maxResource(), 100);
        setDefault(eta(), 3.0);
    }


    public Param<Estimator<?>> estimator() { return estimator; }
    public Param<Evaluator> evaluator() { return evaluator; }
    public Param<String> searchSpace() { return searchSpace; }
    public Param<String> algorithm() { return algorithm; }
    public IntParam numTrials() { return numTrials; }
    public IntParam parallelism() { return parallelism; }
    public LongParam seed() { return seed; }
    public DoubleParam trainRatio() { return trainRatio; }
    public Param<String> resourceParam() { return resourceParam; }
    public IntParam minResource() { return minResource; }
    public IntParam maxResource() { return maxResource; }
    public DoubleParam eta() { return eta; }

    public MuTuneValidator setEstimator(Estimator<?> v) { set(estimator, v); return this; }
    public MuTuneValidator setEvaluator(Evaluator v) { set(evaluator, v); return this; }
    public MuTuneValidator setSearchSpace(String v) { set(searchSpace, v); return this; }
    public MuTuneValidator setAlgorithm(String v) { set(algorithm, v); return this; }
    public MuTuneValidator setNumTrials(int v) { set(numTrials, v); return this; }
    public MuTuneValidator setParallelism(int v) { set(parallelism, v); return this; }
    public MuTuneValidator setSeed(long v) { set(seed, v); return this; }
    public MuTuneValidator setTrainRatio(double v) { set(trainRatio, v); return this; }
    public MuTuneValidator setResourceParam(String v) { set(resourceParam, v); return this; }
    public MuTuneValidator setMinResource(int v) { set(minResource, v); return this; }
    public MuTuneValidator setMaxResource(int v) { set(maxResource, v); return this; }
    public MuTuneValidator setEta(double v) { set(eta, v); return this; }

    public Estimator<?> getEstimator() { return $(estimator); }
    public Evaluator getEvaluator() { return $(evaluator); }
    public String getSearchSpace() { return $(searchSpace); }
    public String getAlgorithm() { return $(algorithm); }
    public int getNumTrials() { return (Integer) $(numTrials); }
    public int getParallelism() { return (Integer) $(parallelism); }
    public long getSeed() { return (Long) $(seed); }
    public double getTrainRatio() { return (Double) $(trainRatio); }
    public String getResourceParam() { return $(resourceParam); }
    public int getMinResource() { return (Integer) $(minResource); }
    public int getMaxResource() { return (Integer) $(maxResource); }
    public double getEta() { return (Double) $(eta); }

    @Override
    public String uid() {
        return uid;
    }

    @Override
    public MuTuneValidatorModel fit(Dataset<?> dataset) {
        transformSchema(dataset.schema(), false);
        Estimator<?> est = getEstimator();
        Evaluator eval = getEvaluator();
        SearchSpace space = SpaceText.parse(getSearchSpace());
        boolean asha = getAlgorithm().equals("asha");
        String resource = asha ? getResourceParam() : "";
        if (asha && resource.isEmpty()) {
            throw new IllegalArgumentException("algorithm asha needs resourceParam, the estimator's int Param that measures training effort (e.g. maxIter)");
        }
        if (asha && getMinResource() >= getMaxResource()) {
            throw new IllegalArgumentException("asha needs minResource < maxResource, got " + getMinResource() + " and " + getMaxResource());
        }
        ParamAssignment.check(est, space, resource);
        String mode = eval.isLargerBetter() ? "max" : "min";
        Tuner tuner = TunerFactory.create(getAlgorithm(), space, getNumTrials(), getSeed(), mode, getMinResource(), getMaxResource(), getEta());
        Dataset<Row>[] split = dataset.toDF().randomSplit(new double[] {getTrainRatio(), 1 - getTrainRatio()}, getSeed());
        Dataset<Row> train = split[0].cache();
        Dataset<Row> valid = split[1].cache();
        try {
            TrialEvaluation evaluation = new TrialEvaluation(est, eval, train, valid, resource);
            List<TrialSummary> trials = ParallelTuning.run(tuner, getParallelism(), evaluation::evaluate);
            TrialState best = tuner.best().orElseThrow(() -> new IllegalStateException(
                    "no trial of " + uid + " produced a finite " + eval.getClass().getSimpleName() + "; first error: "
                            + trials.stream().map(TrialSummary::error).filter(java.util.Objects::nonNull).findFirst().orElse("none")));
            ParamMap bestParams = ParamAssignment.toParamMap(est, best.config(), resource, best.resource());
            Model<?> bestModel = (Model<?>) est.fit(dataset, bestParams);
            double bestMetric = best.metricAt(best.resource());
            return copyValues(new MuTuneValidatorModel(uid, bestModel, best.config().toJson(), bestMetric, trials).setParent(this), ParamMap.empty());
        } finally {
            train.unpersist();
            valid.unpersist();
        }
    }

    @Override
    public StructType transformSchema(StructType schema) {
        if (!isDefined(estimator) || !isDefined(evaluator) || !isDefined(searchSpace)) {
            throw new IllegalArgumentException("MuTuneValidator " + uid + " needs estimator, evaluator and searchSpace set");
        }
        return getEstimator().transformSchema(schema);
    }

    @Override
    public MuTuneValidator copy(ParamMap extra) {
        MuTuneValidator copied = copyValues(new MuTuneValidator(uid), extra);
        if (isDefined(estimator)) {
            copied.setEstimator(getEstimator().copy(extra));
        }
        if (isDefined(evaluator)) {
            copied.setEvaluator(getEvaluator().copy(extra));
        }
        return copied;
    }

    /** Fails here, before anything is written, when the estimator or evaluator cannot be saved. */
    @Override
    public MLWriter write() {
        return new ValidatorWriter(this);
    }

    public static MLReader<MuTuneValidator> read() {
        return new ValidatorReader();
    }

    public static MuTuneValidator load(String path) {
        return read().load(path);
    }

    /** The simple Params that go into the metadata JSON; estimator and evaluator are saved as stages of their own. */
    List<Param<?>> jsonParams() {
        return List.of(searchSpace, algorithm, numTrials, parallelism, seed, trainRatio, resourceParam, minResource, maxResource, eta);
    }

    private interface SerializablePredicate<T> extends Serializable {
        boolean test(T t);
    }

    private static <T> Function1<T, Object> valid(SerializablePredicate<T> p) {
        return (Function1<T, Object> & Serializable) v -> v != null && p.test(v);
    }

    private static Function1<Object, Object> validInt(SerializablePredicate<Integer> p) {
        return (Function1<Object, Object> & Serializable) v -> p.test((Integer) v);
    }

    private static Function1<Object, Object> validDouble(SerializablePredicate<Double> p) {
        return (Function1<Object, Object> & Serializable) v -> p.test((Double) v);
    }

}
