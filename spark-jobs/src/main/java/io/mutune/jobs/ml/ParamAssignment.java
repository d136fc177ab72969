package io.mutune.jobs.ml;

import io.mutune.hpo.space.Configuration;
import io.mutune.hpo.space.SearchSpace;
import org.apache.spark.ml.Estimator;
import org.apache.spark.ml.param.BooleanParam;
import org.apache.spark.ml.param.DoubleParam;
import org.apache.spark.ml.param.FloatParam;
import org.apache.spark.ml.param.IntParam;
import org.apache.spark.ml.param.LongParam;
import org.apache.spark.ml.param.Param;
import org.apache.spark.ml.param.ParamMap;

/** Turns a tuner's configuration into a ParamMap of the estimator's own Params, by name and type. */
final class ParamAssignment {
    private ParamAssignment() { }

    /** Fails before any training when the space names a Param the estimator does not have. */
    static void check(Estimator<?> estimator, SearchSpace space, String resourceParam) {
        for (String name : space.names()) {
            requireParam(estimator, name, "searchSpace");
        }
        if (resourceParam != null && !resourceParam.isEmpty()) {
            if (!(requireParam(estimator, resourceParam, "resourceParam") instanceof IntParam)) {
                throw new IllegalArgumentException("resourceParam '" + resourceParam + "' of " + estimator.uid() + " must be an int Param (e.g. maxIter)");
            }
            if (space.names().contains(resourceParam)) {
                throw new IllegalArgumentException("resourceParam '" + resourceParam + "' is the resource ASHA sets; remove it from searchSpace");
            }
        }
    }

    private static Param<?> requireParam(Estimator<?> estimator, String name, String field) {
        if (!estimator.hasParam(name)) {
            throw new IllegalArgumentException(field + " names '" + name + "', which " + estimator.getClass().getSimpleName()
                    + " has no Param called; it has " + java.util.Arrays.stream(estimator.params()).map(Param::name).toList());
        }
        return estimator.getParam(name);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static ParamMap toParamMap(Estimator<?> estimator, Configuration config, String resourceParam, long resource) {
        ParamMap map = new ParamMap();
        config.values().forEach((name, value) -> {
            Param p = estimator.getParam(name);
            map.put(p, convert(p, name, value));
        });
        if (resourceParam != null && !resourceParam.isEmpty()) {
            map.put((Param) estimator.getParam(resourceParam), (int) resource);
        }
        return map;
    }

    private static Object convert(Param<?> p, String name, Object v) {
        if (p instanceof IntParam) {
            return ((Number) v).intValue();
        }
        if (p instanceof LongParam) {
            return ((Number) v).longValue();
        }
        if (p instanceof DoubleParam) {
            return ((Number) v).doubleValue();
        }
        if (p instanceof FloatParam) {
            return ((Number) v).floatValue();
        }
        if (p instanceof BooleanParam) {
            return v instanceof Boolean ? v : Boolean.parseBoolean(String.valueOf(v));
        }
        if (v instanceof String) {
            return v;
        }
        throw new IllegalArgumentException("Param '" + name + "' of type " + p.getClass().getSimpleName() + " cannot take the value " + v);
    }
}
