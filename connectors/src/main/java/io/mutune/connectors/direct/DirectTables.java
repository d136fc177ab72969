package io.mutune.connectors.direct;

import io.mutune.connectors.iceberg.IcebergLocation;
import io.mutune.connectors.jdbc.JdbcPassword;
import io.mutune.connectors.jdbc.JdbcRecommendationTable;
import io.mutune.connectors.jdbc.JdbcTarget;
import io.mutune.connectors.open.ClasspathLibrary;
import io.mutune.connectors.open.Tables;
import io.mutune.connectors.recommend.RecommendationSource;
import io.mutune.connectors.table.TableUri;

/**
 * Opens a recommendations table for reading without Spark, whatever its format: Delta through
 * Delta Kernel, Iceberg through its core API, PostgreSQL through JDBC. What launchers use.
 */
public final class DirectTables {
    private DirectTables() { }

    public static RecommendationSource recommendations(String uri) {
        TableUri t = TableUri.parse(uri);
        return switch (t.format()) {
            case DELTA -> new KernelRecommendations(Tables.resolve(t.location()));
            case ICEBERG -> new IcebergCoreRecommendations(iceberg(t.location()));
            case JDBC -> new JdbcRecommendationTable(JdbcTarget.parse(t.location()), JdbcPassword.fromEnvironment());
            case PARQUET -> throw new IllegalArgumentException(uri + ": Parquet is an export format, not a recommendations table;"
                    + " read it with RecommendationExport or use delta:, iceberg: or jdbc:");
        };
    }

    /** The location with a local warehouse made absolute, as the Spark tables resolve it. */
    static IcebergLocation iceberg(String location) {
        ClasspathLibrary.ICEBERG.require("iceberg:" + location);
        IcebergLocation at = IcebergLocation.parse(location);
        return new IcebergLocation(Tables.resolve(at.warehouse()), at.namespace(), at.table());
    }
}
