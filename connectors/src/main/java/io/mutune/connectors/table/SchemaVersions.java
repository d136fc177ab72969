package io.mutune.connectors.table;

/**
 * What every engine does with the schema version stored beside a mutune table: a table without one
 * is foreign, a newer one is refused, an older one is only opened if a migration exists for it.
 * Nothing is ever read under a schema that it was not written with.
 */
public final class SchemaVersions {
    private SchemaVersions() { }

    /**
     * Returns the stored version as an int once it is known to be readable by this mutune.
     *
     * @param table    the table as the user wrote it, for messages
     * @param stored   the stored version, or null when the table carries none
     * @param current  the version this mutune writes
     * @param oldest   the oldest version this mutune reads (by migrating it first)
     */
    public static int requireReadable(String table, String stored, int current, int oldest) {
        if (stored == null) {
            throw new IllegalArgumentException("table " + table + " has no mutune schema version: it was not written by mutune"
                    + " (or not by this kind of mutune table); point the spec at another table");
        }
        int v;
        try {
            v = Integer.parseInt(stored.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("table " + table + " has schema version '" + stored + "', which is not a number", e);
        }
        if (v > current) {
            throw new IllegalArgumentException("table " + table + " has schema version " + v + ", newer than this mutune's "
                    + current + "; upgrade mutune to read it");
        }
        if (v < oldest) {
            throw new IllegalArgumentException("table " + table + " has schema version " + v + "; this mutune reads versions "
                    + oldest + " to " + current + " and knows no migration from " + v);
        }
        return v;
    }
}
