package io.mutune.jobs.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * A PostgreSQL server of the test's own (bin/ci-postgres), which the test stops and starts again
 * while a sweep writes to it; the shared server the other tests use is never touched.
 */
final class PostgresServerProcess implements AutoCloseable {
    private static final Path SCRIPT = CliProcess.MUTUNE.resolveSibling("ci-postgres");
    private final Path dir;
    final String url;
    final Path passwordFile;

    private PostgresServerProcess(Path dir, String url, Path passwordFile) {
        this.dir = dir;
        this.url = url;
        this.passwordFile = passwordFile;
    }

    /**
     * initdb into a new folder under /tmp (the server's user must reach it, so not a JUnit temp
     * folder, which is private to root) and start on a free loopback port.
     */
    static PostgresServerProcess start() throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        for (String line : run("start").split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                env.put(line.substring(0, eq), line.substring(eq + 1).trim());
            }
        }
        return new PostgresServerProcess(Path.of(env.get("MUTUNE_PG_DIR")), env.get("MUTUNE_PG_URL"), Path.of(env.get("MUTUNE_PG_PASSWORD_FILE")));
    }

    /** The database goes away: the server stops, its data stays. */
    void down() throws IOException, InterruptedException {
        run("down", dir.toString());
    }

    /** The server comes back, on the same port. */
    void up() throws IOException, InterruptedException {
        run("up", dir.toString());
    }

    /** A table URI on this server. */
    String table(String name) {
        return url + "&table=" + name;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("stop", dir.toString());
    }

    private static String run(String... args) throws IOException, InterruptedException {
        String[] command = new String[args.length + 1];
        command[0] = SCRIPT.toString();
        System.arraycopy(args, 0, command, 1, args.length);
        Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + out);
        }
        return out;
    }
}
