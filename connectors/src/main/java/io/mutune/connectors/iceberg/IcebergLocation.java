package io.mutune.connectors.iceberg;

import io.mutune.connectors.table.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import org.apache.spark.sql.SparkSession;

/**
 * An Iceberg table in a Hadoop catalog on a warehouse folder, as a spec writes it after
 * {@code iceberg:}: {@code /path/to/warehouse#db.table}. The folder may be any Hadoop URI.
 * mutune registers a Spark catalog for the warehouse itself, named {@code mutune_} plus a hash of
 * the folder, so a spec needs no catalog settings.
 */
public record IcebergLocation(String warehouse, String namespace, String table) {

    public IcebergLocation {
        if (warehouse == null || warehouse.isBlank()) {
            throw new IllegalArgumentException("iceberg table: the warehouse folder is empty; expected iceberg:WAREHOUSE#DB.TABLE");
        }
        Identifiers.require("iceberg namespace", namespace);
        Identifiers.require("iceberg table", table);
    }

    public static IcebergLocation parse(String location) {
        int hash = location.lastIndexOf('#');
        String ident = hash < 0 ? "" : location.substring(hash + 1);
        int dot = ident.indexOf('.');
        if (hash < 0 || dot < 0) {
            throw new IllegalArgumentException("iceberg:" + location + " names no table; expected iceberg:WAREHOUSE#DB.TABLE,"
                    + " e.g. iceberg:/lake/warehouse#mutune.recommendations");
        }
        return new IcebergLocation(location.substring(0, hash), ident.substring(0, dot), ident.substring(dot + 1));
    }

    /** The Spark catalog name for this warehouse. */
    public String catalog() {
        CRC32 crc = new CRC32();
        crc.update(warehouse.getBytes(StandardCharsets.UTF_8));
        return "mutune_" + Long.toHexString(crc.getValue());
    }

    /** The quoted three-part name, after registering the catalog in {@code spark}'s session. */
    public String register(SparkSession spark) {
        String key = "spark.sql.catalog." + catalog();
        if (spark.conf().getOption(key).isEmpty()) {
            spark.conf().set(key + ".type", "hadoop");
            spark.conf().set(key + ".warehouse", warehouse);
            // Every read loads the newest metadata: a launcher must see the publish that just committed.
            spark.conf().set(key + ".cache-enabled", "false");
            spark.conf().set(key, "org.apache.iceberg.spark.SparkCatalog");
        }
        return "`" + catalog() + "`.`" + namespace + "`.`" + table + "`";
    }

    @Override
    public String toString() {
        return "iceberg:" + warehouse + "#" + namespace + "." + table;
    }
}
