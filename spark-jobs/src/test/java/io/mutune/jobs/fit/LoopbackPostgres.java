package io.mutune.jobs.fit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * The PostgreSQL server for spark-jobs tests that publish to a JDBC table: the one bin/test started
 * ({@code MUTUNE_PG_URL}, {@code MUTUNE_PG_PASSWORD_FILE}), else one this JVM starts with
 * {@code bin/ci-postgres} and stops on exit. No server means the test fails: it never skips.
 *
 * @param url          {@code jdbc:postgresql://127.0.0.1:PORT/mutune?user=mutune}
 * @param passwordFile the file holding the password (never printed)
 */
record LoopbackPostgres(String url, Path passwordFile) {
    private static LoopbackPostgres shared;

    static synchronized LoopbackPostgres get() {
        if (shared == null) {
            String url = System.getenv("MUTUNE_PG_URL");
            String file = System.getenv("MUTUNE_PG_PASSWORD_FILE");
            shared = url != null && file != null ? new LoopbackPostgres(url, Path.of(file)) : start();
        }
        return shared;
    }

    private static LoopbackPostgres start() {
        Path script = Path.of(System.getProperty("user.dir")).resolveSibling("bin").resolve("ci-postgres");
        try {
            Process p = new ProcessBuilder(script.toString(), "start").redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (p.waitFor() != 0 || !Files.isExecutable(script)) {
                throw new IllegalStateException(script + " start failed (exit " + p.exitValue() + "); output: " + out);
            }
            Map<String, String> env = new HashMap<>();
            out.lines().filter(l -> l.indexOf('=') > 0).forEach(l -> env.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1).trim()));
            String dir = env.get("MUTUNE_PG_DIR");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    new ProcessBuilder(script.toString(), "stop", dir).inheritIO().start().waitFor();
                } catch (IOException | InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }));
            return new LoopbackPostgres(env.get("MUTUNE_PG_URL"), Path.of(env.get("MUTUNE_PG_PASSWORD_FILE")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + script + "; this test needs it or MUTUNE_PG_URL", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting PostgreSQL", e);
        }
    }
}
