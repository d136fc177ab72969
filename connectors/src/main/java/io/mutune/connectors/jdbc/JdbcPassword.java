package io.mutune.connectors.jdbc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the JDBC password comes from: the environment variable {@value #ENV}, or the file that
 * {@value #FILE_ENV} names (a mounted secret), never the spec. {@link #toString()} shows no secret.
 */
public final class JdbcPassword {
    public static final String ENV = "MUTUNE_JDBC_PASSWORD";
    public static final String FILE_ENV = "MUTUNE_JDBC_PASSWORD_FILE";

    private final String secret;

    private JdbcPassword(String secret) {
        this.secret = secret;
    }

    /** No password: the server trusts the connection (peer or trust authentication). */
    public static JdbcPassword none() {
        return new JdbcPassword(null);
    }

    /** The first line of {@code file}; the file must exist. */
    public static JdbcPassword fromFile(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            int nl = text.indexOf('\n');
            return new JdbcPassword(nl < 0 ? text : text.substring(0, nl).replace("\r", ""));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the JDBC password file " + file + " (" + FILE_ENV + ")", e);
        }
    }

    /** {@value #ENV}, else the file {@value #FILE_ENV} names, else no password. */
    public static JdbcPassword fromEnvironment() {
        String direct = System.getenv(ENV);
        if (direct != null) {
            return new JdbcPassword(direct);
        }
        String file = System.getenv(FILE_ENV);
        return file == null || file.isBlank() ? none() : fromFile(Path.of(file));
    }

    Optional<String> secret() {
        return Optional.ofNullable(secret);
    }

    @Override
    public String toString() {
        return secret == null ? "JdbcPassword[none]" : "JdbcPassword[****]";
    }
}
