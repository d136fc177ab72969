package io.mutune.connectors.iceberg;

import io.mutune.connectors.table.SchemaColumns;
import io.mutune.connectors.table.TableSchema;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.iceberg.Table;
import org.apache.iceberg.Transaction;
import org.apache.iceberg.UpdateSchema;
import org.apache.iceberg.exceptions.CommitFailedException;
import org.apache.iceberg.spark.Spark3Util;
import org.apache.iceberg.spark.SparkSchemaUtil;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.StructField;

/**
 * Migrates an older mutune Iceberg table to the current schema in one commit: the added columns
 * and the new schema version go into one Iceberg transaction, which writes one new metadata file.
 * Spark's {@code ALTER TABLE} would take two (columns, then properties). Data files are untouched:
 * Iceberg reads a column that a file lacks as null.
 */
final class IcebergMigration {
    /** Openers in this JVM take turns, as publishers do: a Hadoop catalog's commit is only safe within one process. */
    private static final Map<String, Object> LOCKS = new ConcurrentHashMap<>();

    private IcebergMigration() { }

    static void migrate(SparkSession spark, CheckedIcebergTable table, TableSchema schema, int stored) {
        synchronized (LOCKS.computeIfAbsent(table.location(), k -> new Object())) {
            Table t = load(spark, table);
            String now = t.properties().get(schema.versionProperty());
            if (Integer.toString(schema.version()).equals(now)) {
                return;
            }
            SchemaColumns.requireAddable(table.location(), SparkSchemaUtil.convert(t.schema()), schema, stored);
            try {
                Transaction tx = t.newTransaction();
                UpdateSchema columns = tx.updateSchema();
                for (StructField f : schema.addedSince(stored).fields()) {
                    if (t.schema().findField(f.name()) == null) {
                        columns.addColumn(f.name(), SparkSchemaUtil.convert(f.dataType()));
                    }
                }
                columns.commit();
                tx.updateProperties().set(schema.versionProperty(), Integer.toString(schema.version())).commit();
                tx.commitTransaction();
            } catch (RuntimeException e) {
                // A commit conflict (another process may have migrated first: fine if it got to this version), or
                // a metadata file that could not be written (permissions, a full disk).
                String after = load(spark, table).properties().get(schema.versionProperty());
                if (!Integer.toString(schema.version()).equals(after)) {
                    String why = e instanceof CommitFailedException ? "it conflicted with another writer" : firstLine(e);
                    throw new IllegalStateException(table.location() + ": cannot migrate schema version " + stored + " to "
                            + schema.version() + " (" + why + "); the table is unchanged, at version " + after + "; open it again", e);
                }
            }
        }
    }

    private static String firstLine(Throwable e) {
        String m = e.getClass().getSimpleName() + ": " + e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static Table load(SparkSession spark, CheckedIcebergTable table) {
        try {
            return Spark3Util.loadIcebergTable(spark, table.icebergName());
        } catch (org.apache.spark.sql.catalyst.parser.ParseException | org.apache.spark.sql.catalyst.analysis.NoSuchTableException e) {
            throw new IllegalStateException("cannot load " + table.location() + " to migrate it", e);
        }
    }
}
