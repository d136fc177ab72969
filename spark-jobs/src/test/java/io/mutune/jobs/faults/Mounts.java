package io.mutune.jobs.faults;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Small tmpfs folders for the disk-full tests, mounted and unmounted with mount(8); needs root (CI runs as root). */
final class Mounts {
    private Mounts() { }

    /** Mounts a tmpfs of {@code size} (e.g. "8k") on {@code dir}; fails, saying why, where mounting is not allowed. */
    static void tmpfs(Path dir, String size) throws IOException, InterruptedException {
        run("mount", "-t", "tmpfs", "-o", "size=" + size + ",mode=0777", "tmpfs", dir.toString());
    }

    /** Gives the mounted tmpfs a new size: the disk-full fault is fixed. */
    static void resize(Path dir, String size) throws IOException, InterruptedException {
        run("mount", "-o", "remount,size=" + size, dir.toString());
    }

    static void unmount(Path dir) throws IOException, InterruptedException {
        run("umount", "-l", dir.toString());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(List.of(command)).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", new ArrayList<>(List.of(command))) + " failed (exit " + p.exitValue() + "): " + out
                    + "; the disk-full tests mount a small tmpfs and need root or CAP_SYS_ADMIN, as CI has");
        }
    }
}
