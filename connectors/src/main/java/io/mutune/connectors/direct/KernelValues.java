package io.mutune.connectors.direct;

import io.delta.kernel.data.ColumnVector;
import io.delta.kernel.data.MapValue;
import io.delta.kernel.data.Row;
import io.delta.kernel.types.BooleanType;
import io.delta.kernel.types.DataType;
import io.delta.kernel.types.DoubleType;
import io.delta.kernel.types.FloatType;
import io.delta.kernel.types.IntegerType;
import io.delta.kernel.types.LongType;
import io.delta.kernel.types.MapType;
import io.delta.kernel.types.StringType;
import io.delta.kernel.types.StructField;
import io.delta.kernel.types.TimestampNTZType;
import io.delta.kernel.types.TimestampType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Delta Kernel's values as plain Java: the column types mutune's tables use (strings, numbers,
 * booleans, timestamps, string-keyed maps). Another type is an error naming the column.
 */
final class KernelValues {
    private KernelValues() { }

    /** A row as columns by name. */
    static Map<String, Object> columns(Row row) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < row.getSchema().length(); i++) {
            StructField f = row.getSchema().at(i);
            out.put(f.getName(), row.isNullAt(i) ? null : value(row, i, f));
        }
        return out;
    }

    private static Object value(Row row, int i, StructField f) {
        DataType t = f.getDataType();
        if (t instanceof StringType) {
            return row.getString(i);
        } else if (t instanceof LongType) {
            return row.getLong(i);
        } else if (t instanceof IntegerType) {
            return row.getInt(i);
        } else if (t instanceof DoubleType) {
            return row.getDouble(i);
        } else if (t instanceof FloatType) {
            return (double) row.getFloat(i);
        } else if (t instanceof BooleanType) {
            return row.getBoolean(i);
        } else if (t instanceof TimestampType || t instanceof TimestampNTZType) {
            return micros(row.getLong(i));
        } else if (t instanceof MapType m) {
            return map(row.getMap(i), m);
        }
        throw new IllegalArgumentException("column '" + f.getName() + "' has type " + t + ", which mutune's tables never use");
    }

    private static Map<String, Object> map(MapValue v, MapType type) {
        Map<String, Object> out = new LinkedHashMap<>();
        ColumnVector keys = v.getKeys();
        ColumnVector values = v.getValues();
        for (int i = 0; i < v.getSize(); i++) {
            Object value = values.isNullAt(i) ? null : type.getValueType() instanceof DoubleType ? values.getDouble(i)
                    : type.getValueType() instanceof LongType ? values.getLong(i) : values.getString(i);
            out.put(keys.getString(i), value);
        }
        return out;
    }

    private static Instant micros(long micros) {
        return Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1000L);
    }
}
