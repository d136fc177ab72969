package io.mutune.connectors.table;

import org.apache.spark.sql.types.StructType;

/**
 * What a mutune table is checked against when it is opened and created with on its first write:
 * its columns and the schema version stored beside them as a table property.
 *
 * @param columns         the columns this mutune writes
 * @param versionProperty the table property that holds the schema version
 * @param version         the schema version this mutune writes
 */
public record TableSchema(StructType columns, String versionProperty, int version) { }
