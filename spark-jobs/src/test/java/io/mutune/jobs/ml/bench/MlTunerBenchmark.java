package io.mutune.jobs.ml.bench;

import io.mutune.jobs.ml.GeneratedData;
import io.mutune.jobs.ml.MuTuneValidator;
import io.mutune.jobs.ml.MuTuneValidatorModel;
import io.mutune.jobs.session.MutuneSpark;
import java.time.LocalDate;
import java.util.Locale;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.Model;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.ml.param.ParamMap;
import org.apache.spark.ml.tuning.CrossValidator;
import org.apache.spark.ml.tuning.ParamGridBuilder;
import org.apache.spark.ml.tuning.TrainValidationSplit;
import org.apache.spark.ml.tuning.TrainValidationSplitModel;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * MuTuneValidator against Spark ML's grid tuners on one task: logistic regression with elastic-net
 * regularisation on a generated dataset where most features are noise. Every tuner gets the same
 * number of configurations (a 4 x 4 grid, or 16 searched trials); each picks on its own validation
 * data, and all are scored on the same held-out test split. Prints a markdown section for
 * docs/benchmarks.md. Run with bin/bench-ml-tuner.
 */
public final class MlTunerBenchmark {
    private static final int ROWS = 4000;
    private static final int FEATURES = 200;
    private static final int INFORMATIVE = 10;
    private static final int BUDGET = 16;
    private static final long SEED = 42;

    private MlTunerBenchmark() { }

    public static void main(String[] args) {
        String master = args.length > 0 ? args[0] : "local[2]";
        SparkSession spark = MutuneSpark.getOrCreate(master);
        spark.sparkContext().setLogLevel("WARN");
        Dataset<Row> data = new VectorAssembler().setInputCols(GeneratedData.featureNames(FEATURES)).setOutputCol("features")
                .transform(GeneratedData.classification(spark, ROWS, FEATURES, INFORMATIVE, SEED)).select("features", "label");
        Dataset<Row>[] split = data.randomSplit(new double[] {0.8, 0.2}, SEED);
        Dataset<Row> train = split[0].cache();
        Dataset<Row> test = split[1].cache();
        train.count();
        test.count();
        LogisticRegression lr = new LogisticRegression().setMaxIter(50);
        BinaryClassificationEvaluator auc = new BinaryClassificationEvaluator();
        ParamMap[] grid = new ParamGridBuilder()
                .addGrid(lr.regParam(), new double[] {1e-4, 1e-3, 1e-2, 1e-1})
                .addGrid(lr.elasticNetParam(), new double[] {0.0, 0.33, 0.67, 1.0}).build();
        String space = "{regParam: {float: [1.0e-4, 1.0], log: true}, elasticNetParam: {float: [0.0, 1.0]}}";
        int parallelism = Math.max(1, spark.sparkContext().defaultParallelism());

        StringBuilder md = new StringBuilder();
        md.append(String.format(Locale.ROOT, "## notebooks/ML tuner: MuTuneValidator vs CrossValidator and TrainValidationSplit (%s)%n%n", LocalDate.now()));
        md.append(String.format(Locale.ROOT, "Logistic regression (elastic net, maxIter 50), %d rows x %d features (%d informative), "
                + "80/20 train/test split; %d configurations per tuner, parallelism %d, Spark master %s, %d cores available to the JVM.%n%n",
                ROWS, FEATURES, INFORMATIVE, BUDGET, parallelism, master, Runtime.getRuntime().availableProcessors()));
        md.append("| tuner | configurations | model fits | validation AUC of the pick | test AUC | wall s |\n|---|---|---|---|---|---|\n");
        row(md, "CrossValidator, 4x4 grid, 3 folds", BUDGET, BUDGET * 3 + 1,
                new CrossValidator().setEstimator(lr).setEvaluator(auc).setEstimatorParamMaps(grid).setNumFolds(3)
                        .setParallelism(parallelism).setSeed(SEED), train, test, auc);
        row(md, "TrainValidationSplit, 4x4 grid", BUDGET, BUDGET + 1,
                new TrainValidationSplit().setEstimator(lr).setEvaluator(auc).setEstimatorParamMaps(grid).setTrainRatio(0.75)
                        .setParallelism(parallelism).setSeed(SEED), train, test, auc);
        for (String algorithm : new String[] {"random", "tpe", "bo"}) {
            row(md, "MuTuneValidator, " + algorithm, BUDGET, BUDGET + 1,
                    new MuTuneValidator().setEstimator(lr).setEvaluator(auc).setSearchSpace(space).setAlgorithm(algorithm)
                            .setNumTrials(BUDGET).setTrainRatio(0.75).setParallelism(parallelism).setSeed(SEED), train, test, auc);
        }
        System.out.println(md);
        spark.stop();
    }

    private static void row(StringBuilder md, String name, int configs, int fits, Estimator<?> tuner, Dataset<Row> train,
                            Dataset<Row> test, BinaryClassificationEvaluator auc) {
        long start = System.nanoTime();
        Model<?> model = (Model<?>) tuner.fit(train);
        double wall = (System.nanoTime() - start) / 1e9;
        double validation = validationMetric(model);
        double testAuc = auc.evaluate(model.transform(test));
        md.append(String.format(Locale.ROOT, "| %s | %d | %d | %.4f | %.4f | %.1f |%n", name, configs, fits, validation, testAuc, wall));
        System.err.printf(Locale.ROOT, "%s: validation %.4f test %.4f in %.1f s%n", name, validation, testAuc, wall);
    }

    private static double validationMetric(Model<?> m) {
        if (m instanceof MuTuneValidatorModel mt) {
            return mt.bestMetric();
        }
        if (m instanceof TrainValidationSplitModel t) {
            return java.util.Arrays.stream(t.validationMetrics()).max().orElse(Double.NaN);
        }
        return java.util.Arrays.stream(((org.apache.spark.ml.tuning.CrossValidatorModel) m).avgMetrics()).max().orElse(Double.NaN);
    }
}
