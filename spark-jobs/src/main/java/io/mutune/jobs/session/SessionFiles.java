package io.mutune.jobs.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files a new Spark session needs on the driver's disk and must not leave in the user's folder:
 * the FAIR pool definition and the SQL warehouse folder (mutune names every table by path, so
 * the warehouse stays empty, but Spark creates it in the working directory unless told where).
 */
final class SessionFiles {
    private SessionFiles() { }

    /** A copy of the pool definition in the temp folder; Spark reads it from a path, not the classpath of a user jar. */
    static String fairSchedulerFile() {
        Path file = Path.of(System.getProperty("java.io.tmpdir"), "mutune-fairscheduler-" + ProcessHandle.current().pid() + ".xml");
        try (InputStream in = SessionFiles.class.getResourceAsStream("fairscheduler.xml")) {
            if (in == null) {
                throw new IllegalStateException("fairscheduler.xml is missing from the mutune jar");
            }
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the FAIR pool file " + file, e);
        }
        file.toFile().deleteOnExit();
        return file.toString();
    }

    /** The temp-folder warehouse, one per user. */
    static String warehouseDir() {
        return Path.of(System.getProperty("java.io.tmpdir"), "mutune-spark-warehouse-" + System.getProperty("user.name", "user")).toString();
    }
}
