package io.mutune.transfer.data;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.Path;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.example.GroupReadSupport;
import org.apache.parquet.schema.GroupType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.Type;

/**
 * Reads named numeric columns of a Parquet file (any Hadoop file system) into memory, through
 * parquet-hadoop's example {@link Group} API, so no Spark is needed. Proxies train on small data,
 * so holding it in memory is fine.
 */
public final class ParquetColumns {
    private ParquetColumns() {
    }

    /** Column-major values: {@code result[c][row]} for {@code columns[c]}. */
    public static double[][] read(String file, List<String> columns) throws IOException {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no columns to read from " + file);
        }
        List<List<Double>> values = new ArrayList<>();
        columns.forEach(c -> values.add(new ArrayList<>()));
        try (ParquetReader<Group> reader = ParquetReader.builder(new GroupReadSupport(), new Path(file))
                .withConf(new Configuration()).build()) {
            for (Group g = reader.read(); g != null; g = reader.read()) {
                GroupType type = g.getType();
                for (int c = 0; c < columns.size(); c++) {
                    values.get(c).add(value(file, g, type, columns.get(c)));
                }
            }
        }
        double[][] out = new double[columns.size()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = values.get(c).stream().mapToDouble(Double::doubleValue).toArray();
        }
        return out;
    }

    private static double value(String file, Group g, GroupType type, String column) {
        if (!type.containsField(column)) {
            throw new IllegalArgumentException(file + ": no column '" + column + "'; it has " + type.getFields().stream()
                    .map(Type::getName).toList());
        }
        int i = type.getFieldIndex(column);
        Type t = type.getType(i);
        if (!t.isPrimitive() || g.getFieldRepetitionCount(i) != 1) {
            throw new IllegalArgumentException(file + ": column '" + column + "' must be a non-null number in every row");
        }
        PrimitiveType.PrimitiveTypeName p = t.asPrimitiveType().getPrimitiveTypeName();
        return switch (p) {
            case INT32 -> g.getInteger(i, 0);
            case INT64 -> g.getLong(i, 0);
            case FLOAT -> g.getFloat(i, 0);
            case DOUBLE -> g.getDouble(i, 0);
            default -> throw new IllegalArgumentException(file + ": column '" + column + "' is " + p
                    + "; expected INT32, INT64, FLOAT or DOUBLE");
        };
    }
}
