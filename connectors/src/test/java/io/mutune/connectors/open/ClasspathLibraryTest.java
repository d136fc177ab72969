package io.mutune.connectors.open;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ClasspathLibraryTest {
    @Test
    void aLibraryOnTheClasspathIsNotRefused() {
        // connectors compiles against Iceberg's Spark runtime and, through transfer, DJL's engine.
        assertTrue(ClasspathLibrary.ICEBERG.present());
        assertTrue(ClasspathLibrary.DJL.present());
        ClasspathLibrary.ICEBERG.require("output.trials: iceberg:/w#db.t");
    }

    @Test
    void aMissingLibraryIsRefusedInOneLineNamingTheFieldAndWhatToAdd() {
        ClasspathLibrary absent = new ClasspathLibrary("Example's runtime", "org.example.NotOnTheClasspath", "add --jars example.jar to spark-submit");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> absent.require("output.trials: example:/t"));
        assertEquals("output.trials: example:/t needs Example's runtime, which is not on the classpath: add --jars example.jar to spark-submit",
                e.getMessage());
    }
}
