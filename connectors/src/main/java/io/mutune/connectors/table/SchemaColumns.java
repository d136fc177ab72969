package io.mutune.connectors.table;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/** The column check that Spark-read tables (Delta, Iceberg) share: every expected column, of its type. */
public final class SchemaColumns {
    private SchemaColumns() { }

    public static void requireColumns(String table, StructType actual, StructType expected) {
        Set<String> have = Arrays.stream(actual.fields()).map(StructField::name).collect(Collectors.toCollection(TreeSet::new));
        for (StructField f : expected.fields()) {
            if (!have.contains(f.name())) {
                throw new IllegalArgumentException("table " + table + " is not a mutune table of this kind: it has no column '"
                        + f.name() + "' (it has " + have + ")");
            }
            StructField a = actual.apply(f.name());
            if (!a.dataType().sameType(f.dataType())) {
                throw new IllegalArgumentException("table " + table + " column '" + f.name() + "' is " + a.dataType().simpleString()
                        + "; expected " + f.dataType().simpleString());
            }
        }
    }

    /**
     * Fails, naming the column, when {@code actual} already has a column that the migration from
     * {@code stored} adds, of another type. Such a column was not made by mutune (a migration is one
     * commit, so there is no half-made one): adopting it would record the new version over a
     * column that holds something else.
     */
    public static void requireAddable(String table, StructType actual, TableSchema schema, int stored) {
        Set<String> have = Arrays.stream(actual.fields()).map(StructField::name).collect(Collectors.toSet());
        for (StructField f : schema.addedSince(stored).fields()) {
            if (have.contains(f.name()) && !actual.apply(f.name()).dataType().sameType(f.dataType())) {
                throw new IllegalArgumentException("table " + table + " has a column '" + f.name() + "' of type "
                        + actual.apply(f.name()).dataType().simpleString() + ", which mutune's schema version " + schema.version()
                        + " adds as " + f.dataType().simpleString() + "; the table is unchanged (schema version " + stored
                        + "): drop or rename that column, or point the spec at another table");
            }
        }
    }
}
