package io.mutune.notebooks;

import java.nio.file.Path;

/** Where the notebooks live in the source tree. */
final class Notebooks {
    private Notebooks() { }

    static Path moduleDir() {
        return Path.of(System.getProperty("mutune.notebooks.dir", "."));
    }

    static Path databricksDir() {
        return moduleDir().resolve("databricks");
    }

    static Path zeppelinDir() {
        return moduleDir().resolve("zeppelin");
    }
}
