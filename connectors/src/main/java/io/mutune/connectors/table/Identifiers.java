package io.mutune.connectors.table;

import java.util.regex.Pattern;

/**
 * The only check a name from a spec passes before it reaches SQL: letters, digits and
 * underscores, starting with a letter or underscore, at most 63 characters (PostgreSQL's limit).
 * Names that pass are additionally quoted where they are used, so a keyword is harmless too.
 */
public final class Identifiers {
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private Identifiers() { }

    /**
     * Returns {@code name} if it is a plain identifier.
     *
     * @param what the spec field or URI part the name came from, for the error message
     */
    public static String require(String what, String name) {
        if (name == null || !IDENTIFIER.matcher(name).matches()) {
            throw new IllegalArgumentException(what + ": '" + name + "' is not a valid table or column name;"
                    + " expected letters, digits and '_', starting with a letter or '_', at most 63 characters");
        }
        return name;
    }

    /** {@code name} checked and quoted for PostgreSQL and Spark SQL's ANSI mode alike: {@code "name"}. */
    public static String quoteDouble(String what, String name) {
        return '"' + require(what, name) + '"';
    }

    /** {@code name} checked and quoted for Spark SQL: {@code `name`}. */
    public static String quoteBacktick(String what, String name) {
        return '`' + require(what, name) + '`';
    }
}
