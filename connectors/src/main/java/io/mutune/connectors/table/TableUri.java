package io.mutune.connectors.table;

import java.util.Locale;
import java.util.Objects;

/**
 * Where a table lives, as the spec writes it: {@code delta:/lake/trials} (a path or any Hadoop URI),
 * {@code iceberg:WAREHOUSE#DB.TABLE}, {@code jdbc:postgresql://host/db?table=name} or {@code parquet:/path}.
 */
public record TableUri(Format format, String location) {

    public enum Format { DELTA, ICEBERG, JDBC, PARQUET }

    public TableUri {
        Objects.requireNonNull(format, "format");
        if (location == null || location.isBlank()) {
            throw new IllegalArgumentException("table location is empty for format " + format);
        }
    }

    public static TableUri parse(String uri) {
        int colon = uri == null ? -1 : uri.indexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("'" + uri + "' is not a table; expected delta:PATH, iceberg:WAREHOUSE#DB.TABLE, jdbc:postgresql://... or parquet:PATH");
        }
        String scheme = uri.substring(0, colon).toLowerCase(Locale.ROOT);
        return switch (scheme) {
            case "delta" -> new TableUri(Format.DELTA, uri.substring(colon + 1));
            case "iceberg" -> new TableUri(Format.ICEBERG, uri.substring(colon + 1));
            case "parquet" -> new TableUri(Format.PARQUET, uri.substring(colon + 1));
            // JDBC keeps its scheme: the driver needs the whole URL.
            case "jdbc" -> new TableUri(Format.JDBC, uri);
            default -> throw new IllegalArgumentException("'" + uri + "' has unknown table format '" + scheme + "'; expected delta, iceberg, jdbc or parquet");
        };
    }

    @Override
    public String toString() {
        return format == Format.JDBC ? location : format.name().toLowerCase(Locale.ROOT) + ":" + location;
    }
}
