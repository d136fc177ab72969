package io.mutune.connectors.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class TableSchemaTest {
    private static StructField f(String name, boolean nullable) {
        return DataTypes.createStructField(name, DataTypes.DoubleType, nullable);
    }

    private static final StructType V3 = new StructType(new StructField[] {f("a", false), f("b", true), f("c", true), f("d", true)});
    private static final TableSchema SCHEMA = new TableSchema(V3, "p", 3, List.of(
            new SchemaChange(1, new StructType(new StructField[] {f("b", true)})),
            new SchemaChange(2, new StructType(new StructField[] {f("c", true), f("d", true)}))));

    @Test
    void eachOlderVersionHasTheColumnsItHadAndKnowsWhatWasAddedSince() {
        assertEquals(1, SCHEMA.oldestReadable());
        assertEquals(List.of("a"), List.of(SCHEMA.columnsAt(1).fieldNames()));
        assertEquals(List.of("a", "b"), List.of(SCHEMA.columnsAt(2).fieldNames()));
        assertEquals(List.of("a", "b", "c", "d"), List.of(SCHEMA.columnsAt(3).fieldNames()));
        assertEquals(List.of("b", "c", "d"), List.of(SCHEMA.addedSince(1).fieldNames()));
        assertEquals(List.of("c", "d"), List.of(SCHEMA.addedSince(2).fieldNames()));
        assertEquals(List.of(), List.of(SCHEMA.addedSince(3).fieldNames()));
        assertEquals(3, new TableSchema(V3, "p", 3).oldestReadable(), "no migrations: only the current version reads");
    }

    @Test
    void aMigrationChainWithAGapOrAColumnTheTableLacksOrANotNullColumnIsRefused() {
        StructType b = new StructType(new StructField[] {f("b", true)});
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new TableSchema(V3, "p", 3, List.of(new SchemaChange(1, b))));
        assertTrue(e.getMessage().contains("migrate versions 2..2"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class,
                () -> new TableSchema(V3, "p", 3, List.of(new SchemaChange(2, new StructType(new StructField[] {f("z", true)})))));
        assertTrue(e.getMessage().contains("'z'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> new SchemaChange(2, new StructType(new StructField[] {f("c", false)})));
        assertTrue(e.getMessage().contains("'c'") && e.getMessage().contains("nullable"), e.getMessage());
    }

    @Test
    void aStoredVersionOlderThanTheOldestReadableIsRefusedByName() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> SchemaVersions.requireReadable("delta:/t", "1", 3, new TableSchema(V3, "p", 3).oldestReadable()));
        assertTrue(e.getMessage().contains("delta:/t") && e.getMessage().contains("no migration from 1"), e.getMessage());
    }
}
