package io.mutune.connectors.data;

import io.mutune.connectors.table.Identifiers;
import io.mutune.connectors.table.TableUri;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import static org.apache.spark.sql.functions.col;

/**
 * Proxy training data from a table the spec names ({@code proxy.data.table}): {@code delta:PATH} or
 * {@code parquet:PATH}. Rows are read in the order of {@code orderBy}, so the same table and seed
 * give the same data; the Delta version read is part of {@link #provenance()}.
 */
public final class TrainingDataSource {
    private final Dataset<Row> table;
    private final String provenance;

    private TrainingDataSource(Dataset<Row> table, String provenance) {
        this.table = table;
        this.provenance = provenance;
    }

    public static TrainingDataSource open(SparkSession spark, String uri) {
        TableUri t = TableUri.parse(uri);
        return switch (t.format()) {
            case DELTA -> {
                long version = io.delta.tables.DeltaTable.forPath(spark, t.location()).history(1).select("version").first().getLong(0);
                // Pinned, so the rows below are those of the version that provenance names.
                yield new TrainingDataSource(spark.read().format("delta").option("versionAsOf", version).load(t.location()),
                        uri + "@v" + version);
            }
            case PARQUET -> new TrainingDataSource(spark.read().parquet(t.location()), uri);
            default -> throw new IllegalArgumentException("proxy.data.table: " + uri + " is not a data table; expected delta:PATH or parquet:PATH");
        };
    }

    /** Where the data came from, with the Delta version read. */
    public String provenance() {
        return provenance;
    }

    /**
     * Up to {@code limit} rows of the numeric {@code columns} as floats, ordered by {@code orderBy}.
     * A null cell is an error naming its column: a proxy must not train on silently zeroed data.
     */
    public float[][] floats(List<String> columns, String orderBy, int limit) {
        for (String c : columns) {
            requireType(c, columnType(c) instanceof NumericType, "a number");
        }
        List<Row> rows = ordered(orderBy).select(columns.stream().map(c -> col(c).cast(DataTypes.FloatType)).toArray(Column[]::new))
                .limit(limit).collectAsList();
        float[][] out = new float[rows.size()][columns.size()];
        for (int i = 0; i < rows.size(); i++) {
            for (int j = 0; j < columns.size(); j++) {
                if (rows.get(i).isNullAt(j)) {
                    throw new IllegalArgumentException("proxy.data.table " + provenance + ": column '" + columns.get(j) + "' has a null in row " + i);
                }
                out[i][j] = rows.get(i).getFloat(j);
            }
        }
        return out;
    }

    /**
     * Up to {@code limit} tokens from {@code column} (an integer or an array of integers per row),
     * concatenated in {@code orderBy} order: a token stream for a language-model proxy.
     */
    public int[] tokens(String column, String orderBy, int limit) {
        DataType type = columnType(column);
        boolean array = type instanceof ArrayType a && a.elementType() instanceof NumericType;
        requireType(column, array || type instanceof NumericType, "an integer or an array of integers");
        Column c = array ? col(column).cast(DataTypes.createArrayType(DataTypes.IntegerType)) : col(column).cast(DataTypes.IntegerType);
        int[] out = new int[limit];
        int n = 0;
        for (java.util.Iterator<Row> it = ordered(orderBy).select(c).toLocalIterator(); it.hasNext() && n < limit; ) {
            Row r = it.next();
            if (r.isNullAt(0)) {
                continue;
            }
            List<Integer> values = array ? r.getList(0) : List.of(r.getInt(0));
            for (int k = 0; k < values.size() && n < limit; k++) {
                out[n++] = values.get(k);
            }
        }
        return java.util.Arrays.copyOf(out, n);
    }

    private Dataset<Row> ordered(String orderBy) {
        columnType(orderBy);
        return table.orderBy(col(orderBy));
    }

    private DataType columnType(String column) {
        Identifiers.require("proxy.data column", column);
        List<String> names = new ArrayList<>(List.of(table.columns()));
        if (!names.contains(column)) {
            throw new IllegalArgumentException("proxy.data.table " + provenance + " has no column '" + column + "'; it has " + names);
        }
        return table.schema().apply(column).dataType();
    }

    private void requireType(String column, boolean ok, String expected) {
        if (!ok) {
            throw new IllegalArgumentException("proxy.data.table " + provenance + ": column '" + column + "' is "
                    + columnType(column).simpleString() + "; expected " + expected);
        }
    }
}
