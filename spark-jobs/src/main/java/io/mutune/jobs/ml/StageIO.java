package io.mutune.jobs.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.Params;
import org.apache.spark.ml.util.MLReader;
import org.apache.spark.ml.util.MLWritable;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.SparkSession;

/**
 * Spark ML's persistence layout, written with public API only: {@code PATH/metadata} holds one
 * JSON line ({@code class, timestamp, sparkVersion, uid, paramMap, defaultParamMap} plus extras),
 * which is what Pipeline's loader reads to find a stage's class; sub-stages go in sub-folders.
 */
final class StageIO {
    static final ObjectMapper JSON = new ObjectMapper();
    static final int FORMAT_VERSION = 1;

    private StageIO() { }

    /** Refuses, before anything is written, a part that has no writer. */
    static MLWritable writable(Object stage, String what, String owner) {
        if (!(stage instanceof MLWritable w)) {
            throw new UnsupportedOperationException(owner + " cannot be saved: its " + what + " "
                    + (stage == null ? "is not set" : stage.getClass().getName() + " is not MLWritable"));
        }
        return w;
    }

    static ObjectNode metadata(Params stage, List<Param<?>> params) {
        ObjectNode m = JSON.createObjectNode();
        m.put("class", stage.getClass().getName());
        m.put("timestamp", System.currentTimeMillis());
        m.put("sparkVersion", org.apache.spark.package$.MODULE$.SPARK_VERSION());
        m.put("uid", stage.uid());
        m.put("mutuneFormat", FORMAT_VERSION);
        ObjectNode set = m.putObject("paramMap");
        ObjectNode defaults = m.putObject("defaultParamMap");
        for (Param<?> p : params) {
            if (stage.isSet(p)) {
                set.set(p.name(), encode(p, stage.getOrDefault(p)));
            }
            if (stage.hasDefault(p)) {
                defaults.set(p.name(), encode(p, stage.getDefault(p).get()));
            }
        }
        return m;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static JsonNode encode(Param p, Object value) {
        try {
            return JSON.readTree(p.jsonEncode(value));
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Param " + p.name() + " encoded to invalid JSON", e);
        }
    }

    static void writeMetadata(SparkSession spark, String path, ObjectNode metadata) {
        spark.createDataset(List.of(metadata.toString()), Encoders.STRING()).coalesce(1).write().text(path + "/metadata");
    }

    static JsonNode readMetadata(SparkSession spark, String path, Class<?> expected) {
        String line = spark.read().text(path + "/metadata").first().getString(0);
        JsonNode m;
        try {
            m = JSON.readTree(line);
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(path + "/metadata is not JSON: " + line, e);
        }
        String cls = m.path("class").asText();
        if (!cls.equals(expected.getName())) {
            throw new IllegalArgumentException(path + " holds a " + cls + ", not a " + expected.getName());
        }
        if (m.path("mutuneFormat").asInt(-1) != FORMAT_VERSION) {
            throw new IllegalArgumentException(path + "/metadata has mutuneFormat " + m.path("mutuneFormat") + "; this version reads " + FORMAT_VERSION);
        }
        return m;
    }

    /** Restores the Params recorded as set. */
    @SuppressWarnings({"unchecked", "rawtypes"})
    static void restoreParams(Params stage, JsonNode metadata) {
        metadata.path("paramMap").fields().forEachRemaining(e -> {
            Param p = stage.getParam(e.getKey());
            stage.set(p, p.jsonDecode(e.getValue().toString()));
        });
    }

    /** Loads any saved stage by the class its metadata names, the way Pipeline does. */
    @SuppressWarnings("unchecked")
    static <T> T loadStage(SparkSession spark, String path) {
        String line = spark.read().text(path + "/metadata").first().getString(0);
        String cls;
        try {
            cls = JSON.readTree(line).path("class").asText();
            MLReader<T> reader = (MLReader<T>) Class.forName(cls, true, Thread.currentThread().getContextClassLoader())
                    .getMethod("read").invoke(null);
            return reader.session(spark).load(path);
        } catch (ReflectiveOperationException | java.io.IOException e) {
            throw new IllegalArgumentException("cannot load the stage saved at " + path + " (" + line + ")", e);
        }
    }
}
