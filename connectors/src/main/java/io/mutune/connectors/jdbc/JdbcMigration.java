package io.mutune.connectors.jdbc;

import io.mutune.connectors.table.Identifiers;
import io.mutune.connectors.table.SchemaChange;
import io.mutune.connectors.table.TableSchema;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.MapType;
import org.apache.spark.sql.types.StructField;

/**
 * The SQL that migrates a mutune table on PostgreSQL from an older schema version: one
 * {@code ALTER TABLE ... ADD COLUMN} per table for each {@link SchemaChange}. It runs inside the
 * transaction that also records the new version in {@code mutune_tables}; PostgreSQL's DDL is
 * transactional, so the migration commits whole or not at all.
 */
final class JdbcMigration {
    private JdbcMigration() { }

    /**
     * The statements that bring {@code tables} (quoted names, e.g. a table and its history) from
     * {@code stored} to {@code schema.version()}.
     */
    static List<String> statements(TableSchema schema, int stored, List<String> tables) {
        List<String> out = new ArrayList<>();
        for (SchemaChange c : schema.changes()) {
            if (c.from() < stored) {
                continue;
            }
            StringBuilder add = new StringBuilder();
            for (StructField f : c.added().fields()) {
                add.append(add.length() == 0 ? "" : ", ").append("ADD COLUMN IF NOT EXISTS ")
                        .append(Identifiers.quoteDouble("column", f.name())).append(' ').append(type(f.dataType()));
            }
            for (String t : tables) {
                out.add("ALTER TABLE " + t + " " + add);
            }
        }
        return out;
    }

    /** The columns the changes from {@code stored} add, by name, with the PostgreSQL type each is added as. */
    static Map<String, String> addedTypes(TableSchema schema, int stored) {
        Map<String, String> out = new LinkedHashMap<>();
        for (StructField f : schema.addedSince(stored).fields()) {
            out.put(f.name(), type(f.dataType()));
        }
        return out;
    }

    /** The PostgreSQL type mutune stores a Spark type as; the same mapping the tables' own definitions use. */
    static String type(DataType t) {
        if (t.sameType(DataTypes.DoubleType)) {
            return "double precision";
        }
        if (t.sameType(DataTypes.IntegerType)) {
            return "integer";
        }
        if (t.sameType(DataTypes.LongType)) {
            return "bigint";
        }
        if (t.sameType(DataTypes.StringType)) {
            return "text";
        }
        if (t.sameType(DataTypes.BooleanType)) {
            return "boolean";
        }
        if (t.sameType(DataTypes.TimestampType)) {
            return "timestamptz";
        }
        if (t instanceof MapType) {
            return "jsonb";
        }
        throw new IllegalArgumentException("no PostgreSQL type for a mutune column of type " + t.simpleString());
    }
}
