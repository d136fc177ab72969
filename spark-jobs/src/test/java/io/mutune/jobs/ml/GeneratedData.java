package io.mutune.jobs.ml;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * A binary classification task with a known answer: label = 1 when a noisy linear score of the
 * first {@code informative} features is positive; the other features are noise, so regularisation matters.
 */
public final class GeneratedData {
    private GeneratedData() { }

    public static Dataset<Row> classification(SparkSession spark, int rows, int features, int informative, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] w = new double[features];
        for (int j = 0; j < informative; j++) {
            w[j] = rnd.nextDouble(-2, 2);
        }
        List<StructField> fields = new ArrayList<>();
        for (int j = 0; j < features; j++) {
            fields.add(DataTypes.createStructField("f" + j, DataTypes.DoubleType, false));
        }
        fields.add(DataTypes.createStructField("label", DataTypes.DoubleType, false));
        List<Row> data = new ArrayList<>();
        for (int i = 0; i < rows; i++) {
            Object[] v = new Object[features + 1];
            double score = rnd.nextGaussian() * 1.5;
            for (int j = 0; j < features; j++) {
                double x = rnd.nextGaussian();
                v[j] = x;
                score += w[j] * x;
            }
            v[features] = score > 0 ? 1.0 : 0.0;
            data.add(RowFactory.create(v));
        }
        return spark.createDataFrame(data, new StructType(fields.toArray(StructField[]::new)));
    }

    public static String[] featureNames(int features) {
        String[] names = new String[features];
        for (int j = 0; j < features; j++) {
            names[j] = "f" + j;
        }
        return names;
    }
}
