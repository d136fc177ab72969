package io.mutune.connectors.jdbc;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The PostgreSQL server the JDBC tests use: the one that {@code MUTUNE_PG_URL} and
 * {@code MUTUNE_PG_PASSWORD_FILE} name (bin/ci-postgres's output), else one this JVM starts with
 * {@code bin/ci-postgres} and stops on exit. No server means the tests fail: they never skip.
 */
final class PostgresServer {
    private static PostgresServer shared;
    private static final AtomicInteger TABLES = new AtomicInteger();
    final String url;
    final Path passwordFile;

    private PostgresServer(String url, Path passwordFile) {
        this.url = url;
        this.passwordFile = passwordFile;
    }

    static synchronized PostgresServer get() {
        if (shared == null) {
            String url = System.getenv("MUTUNE_PG_URL");
            String file = System.getenv("MUTUNE_PG_PASSWORD_FILE");
            shared = url != null && file != null ? new PostgresServer(url, Path.of(file)) : start();
        }
        return shared;
    }

    /** A table name no other test uses, on this server. */
    JdbcTarget newTable(String prefix) {
        return JdbcTarget.parse(url + "&table=" + prefix + "_" + ProcessHandle.current().pid() + "_" + TABLES.incrementAndGet());
    }

    JdbcPassword password() {
        return JdbcPassword.fromFile(passwordFile);
    }

    private static PostgresServer start() {
        Path script = Path.of(System.getProperty("user.dir")).resolveSibling("bin").resolve("ci-postgres");
        if (!Files.isExecutable(script)) {
            script = Path.of(System.getProperty("user.dir")).resolve("bin").resolve("ci-postgres");
        }
        try {
            Process p = new ProcessBuilder(script.toString(), "start").redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0) {
                throw new IllegalStateException(script + " start failed (exit " + p.exitValue() + "); output: " + out);
            }
            Map<String, String> env = new HashMap<>();
            for (String line : out.split("\n")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    env.put(line.substring(0, eq), line.substring(eq + 1).trim());
                }
            }
            String dir = env.get("MUTUNE_PG_DIR");
            Path stopScript = script;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    new ProcessBuilder(stopScript.toString(), "stop", dir).inheritIO().start().waitFor();
                } catch (IOException | InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            return new PostgresServer(env.get("MUTUNE_PG_URL"), Path.of(env.get("MUTUNE_PG_PASSWORD_FILE")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + "; PostgreSQL tests need it or MUTUNE_PG_URL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }
}
