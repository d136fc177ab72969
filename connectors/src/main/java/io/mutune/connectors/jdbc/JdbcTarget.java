package io.mutune.connectors.jdbc;

import io.mutune.connectors.table.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * A table on a JDBC server as a spec names it: {@code jdbc:postgresql://host:port/db?user=u&table=name}.
 * The {@code table} parameter is mutune's and is taken off before the URL reaches the driver.
 * A password in the URL is refused: it comes from {@link JdbcPassword} only, so it never sits in a
 * spec, a log line or an error message.
 *
 * @param driverUrl the URL without the {@code table} parameter
 * @param table     the table name, checked by {@link Identifiers}
 */
public record JdbcTarget(String driverUrl, String table) {

    /** The longest table name whose companions ({@code name_publishes}, {@code name_history}) still fit PostgreSQL's 63. */
    static final int MAX_TABLE_LENGTH = 53;

    public static JdbcTarget parse(String url) {
        if (url == null || !url.startsWith("jdbc:postgresql:")) {
            throw new IllegalArgumentException("'" + url + "' is not a PostgreSQL JDBC URL; expected jdbc:postgresql://HOST:PORT/DB?user=USER&table=NAME");
        }
        int q = url.indexOf('?');
        String base = q < 0 ? url : url.substring(0, q);
        List<String> kept = new ArrayList<>();
        String table = null;
        if (q >= 0) {
            for (String param : url.substring(q + 1).split("&")) {
                String name = param.contains("=") ? param.substring(0, param.indexOf('=')) : param;
                String value = param.contains("=") ? param.substring(param.indexOf('=') + 1) : "";
                if (name.equalsIgnoreCase("password")) {
                    // Not echoing the URL: it holds the password.
                    throw new IllegalArgumentException("JDBC URL " + base + " carries a password parameter; remove it and set "
                            + JdbcPassword.ENV + " or " + JdbcPassword.FILE_ENV + " instead");
                }
                if (name.equals("table")) {
                    table = java.net.URLDecoder.decode(value, java.nio.charset.StandardCharsets.UTF_8);
                } else if (!param.isEmpty()) {
                    kept.add(param);
                }
            }
        }
        if (table == null) {
            throw new IllegalArgumentException("JDBC URL " + url + " names no table; add ?table=NAME (or &table=NAME)");
        }
        Identifiers.require("table parameter of " + base, table);
        if (table.length() > MAX_TABLE_LENGTH) {
            throw new IllegalArgumentException("table parameter of " + base + ": '" + table + "' is longer than "
                    + MAX_TABLE_LENGTH + " characters, leaving no room for its _history and _publishes tables");
        }
        return new JdbcTarget(kept.isEmpty() ? base : base + "?" + String.join("&", kept), table);
    }

    /** The same server, another table (the journal beside the recommendations, say). */
    public JdbcTarget withTable(String other) {
        return parse(driverUrl + (driverUrl.contains("?") ? "&" : "?") + "table=" + other);
    }

    @Override
    public String toString() {
        return driverUrl + (driverUrl.contains("?") ? "&" : "?") + "table=" + table;
    }
}
