package io.mutune.connectors.table;

import java.util.Arrays;
import java.util.ConcurrentModificationException;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.delta.DeltaLog;
import org.apache.spark.sql.delta.DeltaOperations;
import org.apache.spark.sql.delta.OptimisticTransaction;
import org.apache.spark.sql.delta.actions.Metadata;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * Migrates an older mutune Delta table to the current schema in one commit: the added columns and
 * the new schema version are one metadata action. Delta's SQL has no statement that changes both
 * (ADD COLUMNS and SET TBLPROPERTIES are a commit each, and a reader between them would see new
 * columns under the old version), so this uses Delta's own transaction API, which those statements
 * are built on. Data files are untouched: rows written before read the added columns as null.
 */
final class DeltaMigration {
    private DeltaMigration() { }

    /**
     * Brings the table at {@code path} from {@code stored} to {@code schema.version()}. A concurrent
     * opener that migrated first makes this commit conflict; the table is then re-read, and is fine
     * if it now has the current version.
     */
    static void migrate(SparkSession spark, String path, TableSchema schema, int stored) {
        DeltaLog log = DeltaLog.forTable(spark, path);
        try {
            commit(log, "delta:" + path, schema, stored);
        } catch (IllegalArgumentException e) {
            throw e;
        } catch (Exception e) {
            // Also what Scala throws undeclared: the commit file could not be written (permissions, a full disk).
            String now = log.update(false, scala.Option.empty(), scala.Option.empty()).metadata().configuration()
                    .get(schema.versionProperty()).getOrElse(() -> null);
            if (Integer.toString(schema.version()).equals(now)) {
                return;
            }
            String why = e instanceof ConcurrentModificationException ? "it conflicted with another writer" : firstLine(e);
            throw new IllegalStateException("delta:" + path + ": cannot migrate schema version " + stored + " to " + schema.version()
                    + " (" + why + "); the table is unchanged, at version " + now + "; open it again", e);
        }
    }

    private static String firstLine(Throwable e) {
        String m = e.getClass().getSimpleName() + ": " + e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }

    private static void commit(DeltaLog log, String table, TableSchema schema, int stored) {
        OptimisticTransaction txn = log.startTransaction();
        Metadata m = txn.metadata();
        if (Integer.toString(schema.version()).equals(m.configuration().get(schema.versionProperty()).getOrElse(() -> null))) {
            return; // another opener migrated it since this one read the version
        }
        StructType before = m.schema();
        SchemaColumns.requireAddable(table, before, schema, stored);
        Set<String> have = Arrays.stream(before.fieldNames()).collect(Collectors.toSet());
        StructType after = before;
        for (StructField f : schema.addedSince(stored).fields()) {
            if (!have.contains(f.name())) {
                after = after.add(f);
            }
        }
        scala.collection.immutable.Map<String, String> configuration =
                m.configuration().updated(schema.versionProperty(), Integer.toString(schema.version()));
        Metadata next = m.copy(m.id(), m.name(), m.description(), m.format(), after.json(), m.partitionColumns(), configuration,
                m.createdTime());
        txn.updateMetadata(next, false);
        txn.commit(CollectionConverters.asScala(java.util.List.<org.apache.spark.sql.delta.actions.Action>of()).toList(),
                new DeltaOperations.UpdateSchema(before, after));
    }
}
