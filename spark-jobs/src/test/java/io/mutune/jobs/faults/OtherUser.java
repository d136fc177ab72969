package io.mutune.jobs.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/**
 * A user that is not root, for faults made with file permissions: root ignores them. The test
 * machine runs as root, so this creates a system user {@value #NAME} (useradd) and runs mutune as it
 * with setpriv, keeping only CAP_DAC_READ_SEARCH: it can read the JDK and the Maven jars under
 * /root, but writes only where the permissions allow, like any user. Not root to begin with,
 * the test runs mutune as itself.
 */
final class OtherUser {
    static final String NAME = "mutune-faults";

    private OtherUser() { }

    /** The user to run mutune as, created if needed; null when this process is not root (it is that user already). */
    static OtherUser nonRoot() throws IOException, InterruptedException {
        if (!"0".equals(run("id", "-u").trim())) {
            return null;
        }
        if (exit("id", NAME) != 0) {
            run("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", NAME);
        }
        return new OtherUser();
    }

    /** The command prefix that runs a program as this user. */
    List<String> prefix() {
        return List.of("setpriv", "--reuid=" + NAME, "--regid=" + NAME, "--init-groups",
                "--inh-caps=+dac_read_search", "--ambient-caps=+dac_read_search");
    }

    /**
     * Gives {@code dir} and everything under it to this user, and lets it pass through the folders
     * above (a JUnit temp folder is private to root). access(2), which Hadoop's file system uses,
     * ignores the capabilities of a process whose real user is not root.
     */
    void own(Path dir) throws IOException, InterruptedException {
        run("chown", "-R", NAME + ":", dir.toString());
        for (Path p = dir.getParent(); p != null && !p.toString().equals("/tmp") && !p.toString().equals("/"); p = p.getParent()) {
            run("chmod", "o+x", p.toString());
        }
    }

    /** Makes everything under {@code dir} read-only for everyone (root still writes: only the other user is stopped). */
    static void readOnly(Path dir) throws IOException, InterruptedException {
        run("chmod", "-R", "a-w", dir.toString());
    }

    static void writable(Path dir) throws IOException, InterruptedException {
        run("chmod", "-R", "u+w", dir.toString());
    }

    private static int exit(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        return p.waitFor();
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
