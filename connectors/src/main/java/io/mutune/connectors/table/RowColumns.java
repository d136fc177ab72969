package io.mutune.connectors.table;

import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

/**
 * A Spark row as columns by name, in the plain Java form the Spark-free readers also give
 * (maps as {@code java.util.Map}, timestamps as {@code Instant}), so one conversion to a mutune
 * record serves both.
 */
public final class RowColumns {
    private RowColumns() { }

    public static Map<String, Object> of(Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        StructField[] fields = row.schema().fields();
        for (int i = 0; i < fields.length; i++) {
            Object v = row.isNullAt(i) ? null : fields[i].dataType() instanceof MapType ? row.getJavaMap(i) : row.get(i);
            out.put(fields[i].name(), v instanceof Timestamp t ? t.toInstant() : v);
        }
        return out;
    }
}
