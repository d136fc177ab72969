package io.mutune.connectors.table;

import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * One step of a mutune table's schema history: version {@code from} becomes {@code from + 1} by
 * adding nullable columns at the end. Rows written before the step read those columns as null, so
 * the step needs no rewrite of data and every engine can make it one metadata commit.
 *
 * @param from  the schema version this step migrates from
 * @param added the columns it adds, all nullable
 */
public record SchemaChange(int from, StructType added) {

    public SchemaChange {
        if (from < 1) {
            throw new IllegalArgumentException("a schema change migrates from version 1 or later, got " + from);
        }
        if (added == null || added.fields().length == 0) {
            throw new IllegalArgumentException("the schema change from version " + from + " adds no column");
        }
        for (StructField f : added.fields()) {
            if (!f.nullable()) {
                throw new IllegalArgumentException("the schema change from version " + from + " adds column '" + f.name()
                        + "' as NOT NULL; rows written before it have no value, so added columns must be nullable");
            }
        }
    }
}
