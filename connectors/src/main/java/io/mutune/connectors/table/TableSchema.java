package io.mutune.connectors.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * What a mutune table is checked against when it is opened and created with on its first write:
 * its columns, the schema version stored beside them as a table property, and the steps that
 * migrate an older version to this one.
 *
 * @param columns         the columns this mutune writes (the newest version's)
 * @param versionProperty the table property that holds the schema version
 * @param version         the schema version this mutune writes
 * @param changes         the migrations, one per version from the oldest readable one up to
 *                        {@code version - 1}, in order; empty when no older version is readable
 */
public record TableSchema(StructType columns, String versionProperty, int version, List<SchemaChange> changes) {

    public TableSchema {
        changes = List.copyOf(changes);
        for (int i = 0; i < changes.size(); i++) {
            int expected = version - changes.size() + i;
            if (changes.get(i).from() != expected) {
                throw new IllegalArgumentException("schema changes of " + versionProperty + " must migrate versions "
                        + (version - changes.size()) + ".." + (version - 1) + " in order; change " + i + " migrates from "
                        + changes.get(i).from());
            }
        }
        Set<String> names = Arrays.stream(columns.fieldNames()).collect(Collectors.toSet());
        for (SchemaChange c : changes) {
            for (StructField f : c.added().fields()) {
                if (!names.contains(f.name())) {
                    throw new IllegalArgumentException("schema change from version " + c.from() + " adds '" + f.name()
                            + "', which is not a column of version " + version);
                }
            }
        }
    }

    /** A schema that has no older version to migrate from. */
    public TableSchema(StructType columns, String versionProperty, int version) {
        this(columns, versionProperty, version, List.of());
    }

    /** The oldest stored version this mutune opens (migrating it first). */
    public int oldestReadable() {
        return version - changes.size();
    }

    /** The columns added by the changes from {@code stored} up to this version, in the order they were added. */
    public StructType addedSince(int stored) {
        List<StructField> out = new ArrayList<>();
        for (SchemaChange c : changes) {
            if (c.from() >= stored) {
                out.addAll(Arrays.asList(c.added().fields()));
            }
        }
        return new StructType(out.toArray(StructField[]::new));
    }

    /** The columns a table of schema version {@code stored} has: this version's, less what was added since. */
    public StructType columnsAt(int stored) {
        Set<String> later = Arrays.stream(addedSince(stored).fieldNames()).collect(Collectors.toSet());
        return new StructType(Arrays.stream(columns.fields()).filter(f -> !later.contains(f.name())).toArray(StructField[]::new));
    }
}
