package io.mutune.connectors;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A folder in which nothing can be created, renamed or deleted while this is open: its permissions
 * taken away (chmod a-w), or, for root, whom permissions do not stop, its immutable attribute set
 * (chattr +i). Checked by trying to create a file in it, so a test that relies on it cannot pass
 * on a folder that is still writable.
 */
public final class ReadOnlyFolder implements AutoCloseable {
    private final Path dir;
    private final boolean root;

    private ReadOnlyFolder(Path dir, boolean root) {
        this.dir = dir;
        this.root = root;
    }

    public static ReadOnlyFolder of(Path dir) throws IOException, InterruptedException {
        boolean root = "0".equals(run("id", "-u").trim());
        if (root) {
            run("chattr", "+i", dir.toString());
        } else {
            run("chmod", "a-w", dir.toString());
        }
        ReadOnlyFolder ro = new ReadOnlyFolder(dir, root);
        try {
            Files.delete(Files.createFile(dir.resolve(".probe")));
        } catch (IOException expected) {
            return ro;
        }
        ro.close();
        throw new IllegalStateException(dir + " is still writable after " + (root ? "chattr +i" : "chmod a-w"));
    }

    @Override
    public void close() throws IOException, InterruptedException {
        if (root) {
            run("chattr", "-i", dir.toString());
        } else {
            run("chmod", "u+w", dir.toString());
        }
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed (exit " + p.exitValue() + "): " + out);
        }
        return out;
    }
}
