package io.mutune.jobs.ml;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.mutune.jobs.session.MutuneSpark;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.ml.Pipeline;
import org.apache.spark.ml.PipelineModel;
import org.apache.spark.ml.PipelineStage;
import org.apache.spark.ml.classification.LogisticRegression;
import org.apache.spark.ml.classification.LogisticRegressionModel;
import org.apache.spark.ml.evaluation.BinaryClassificationEvaluator;
import org.apache.spark.ml.feature.VectorAssembler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MuTuneValidatorTest {
    private static final String SPACE = "{regParam: {float: [1.0e-4, 1.0], log: true}, elasticNetParam: {float: [0.0, 1.0]}}";

    @TempDir
    Path dir;

    private static Dataset<Row> features(SparkSession spark) {
        Dataset<Row> raw = GeneratedData.classification(spark, 300, 8, 3, 11);
        return new VectorAssembler().setInputCols(GeneratedData.featureNames(8)).setOutputCol("features").transform(raw);
    }

    private static MuTuneValidator validator() {
        return new MuTuneValidator().setEstimator(new LogisticRegression().setMaxIter(10))
                .setEvaluator(new BinaryClassificationEvaluator()).setSearchSpace(SPACE)
                .setAlgorithm("tpe").setNumTrials(4).setParallelism(2).setSeed(7);
    }

    @Test
    void tunesInsideAPipelineAndThePipelineModelSavesAndLoads() throws Exception {
        SparkSession spark = MutuneSpark.getOrCreate("local[2]");
        Dataset<Row> raw = GeneratedData.classification(spark, 300, 8, 3, 11);
        Pipeline pipeline = new Pipeline().setStages(new PipelineStage[] {
            new VectorAssembler().setInputCols(GeneratedData.featureNames(8)).setOutputCol("features"), validator()});
        PipelineModel model = pipeline.fit(raw);
        MuTuneValidatorModel tuned = (MuTuneValidatorModel) model.stages()[1];
        assertEquals(4, tuned.trials().size());
        assertInstanceOf(LogisticRegressionModel.class, tuned.bestModel());
        double best = java.util.Arrays.stream(tuned.validationMetrics()).max().getAsDouble();
        assertEquals(best, tuned.bestMetric(), 1e-12, "the best model is the trial with the highest AUC");
        assertTrue(tuned.bestMetric() > 0.7, "AUC " + tuned.bestMetric());
        double reg = ((LogisticRegressionModel) tuned.bestModel()).getRegParam();
        assertTrue(tuned.bestConfigJson().contains(String.valueOf(reg)), tuned.bestConfigJson() + " vs regParam " + reg);

        String path = dir.resolve("pipeline-model").toString();
        model.write().overwrite().save(path);
        PipelineModel loaded = PipelineModel.load(path);
        MuTuneValidatorModel back = (MuTuneValidatorModel) loaded.stages()[1];
        assertEquals(tuned.bestConfigJson(), back.bestConfigJson());
        assertArrayEquals(tuned.validationMetrics(), back.validationMetrics(), 0.0);
        List<Row> p1 = model.transform(raw).select("prediction").collectAsList();
        List<Row> p2 = loaded.transform(raw).select("prediction").collectAsList();
        assertEquals(p1, p2);
    }

    @Test
    void theEstimatorSavesAndLoadsWithItsParamsAndRefusesToSaveAPartWithoutAWriter() throws Exception {
        MuTuneValidator v = validator().setAlgorithm("bo").setTrainRatio(0.6);
        String path = dir.resolve("validator").toString();
        v.write().save(path);
        MuTuneValidator back = MuTuneValidator.load(path);
        assertEquals(v.uid(), back.uid());
        assertEquals("bo", back.getAlgorithm());
        assertEquals(0.6, back.getTrainRatio());
        assertEquals(SPACE, back.getSearchSpace());
        assertEquals(10, ((LogisticRegression) back.getEstimator()).getMaxIter());
        assertInstanceOf(BinaryClassificationEvaluator.class, back.getEvaluator());
        MuTuneValidator copy = back.copy(new org.apache.spark.ml.param.ParamMap().put(back.numTrials(), 3));
        assertEquals(3, copy.getNumTrials());
        assertEquals(4, back.getNumTrials());

        MuTuneValidator unsavable = validator().setEstimator(new UnsavableEstimator());
        Path target = dir.resolve("never");
        UnsupportedOperationException e = assertThrows(UnsupportedOperationException.class, () -> unsavable.write().save(target.toString()));
        assertTrue(e.getMessage().contains("UnsavableEstimator"), e.getMessage());
        assertFalse(Files.exists(target), "nothing may be written when a part cannot be saved");
    }

    @Test
    void ashaPromotesTheBestAlongRungsOfTheIterationParam() {
        SparkSession spark = MutuneSpark.getOrCreate("local[2]");
        MuTuneValidatorModel m = validator().setAlgorithm("asha").setResourceParam("maxIter")
                .setMinResource(1).setMaxResource(9).setEta(3).setNumTrials(9).fit(features(spark));
        Set<Long> levels = m.trials().stream().map(TrialSummary::resource).collect(Collectors.toSet());
        assertEquals(Set.of(1L, 3L, 9L), levels, m.trials().toString());
        long atMax = m.trials().stream().filter(t -> t.resource() == 9).count();
        assertTrue(atMax >= 1 && atMax <= 3, "ASHA keeps about 1/eta^2 of 9 trials to the top rung: " + atMax);
        assertEquals(9, ((LogisticRegressionModel) m.bestModel()).getMaxIter());
    }

    @Test
    void badInputFailsBeforeTrainingWithTheBadValue() {
        SparkSession spark = MutuneSpark.getOrCreate("local[2]");
        Dataset<Row> df = features(spark);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> validator().setSearchSpace("{regParm: {float: [0.1, 1.0]}}").fit(df));
        assertTrue(e.getMessage().contains("regParm") && e.getMessage().contains("regParam"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> validator().setAlgorithm("grid-of-doom"));
        IllegalArgumentException asha = assertThrows(IllegalArgumentException.class, () -> validator().setAlgorithm("asha").fit(df));
        assertTrue(asha.getMessage().contains("resourceParam"), asha.getMessage());
    }
}
