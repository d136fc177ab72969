package io.mutune.connectors.open;

/**
 * A library that the slim submit jar leaves out because a sweep of external commands on Delta
 * tables never needs it: a spec that does need it is refused with one line that says what to add
 * to spark-submit, before anything runs, instead of a {@code NoClassDefFoundError} mid-sweep.
 *
 * @param name      what the user knows the library as
 * @param probe     a class that is on the classpath exactly when the library is
 * @param howToAdd  the spark-submit options that bring it
 */
public record ClasspathLibrary(String name, String probe, String howToAdd) {
    /** Iceberg's Spark runtime, for {@code iceberg:} tables (it also holds the core API the Spark-free readers use). */
    public static final ClasspathLibrary ICEBERG = new ClasspathLibrary("Iceberg's Spark runtime",
            "org.apache.iceberg.spark.SparkCatalog",
            "add --packages org.apache.iceberg:iceberg-spark-runtime-4.1_2.13:1.12.0 (or --jars iceberg-spark-runtime-4.1_2.13-1.12.0.jar)"
                    + " to spark-submit, or run the full mutune-spark-jobs.jar");

    /** DJL with its PyTorch engine and natives, for the DJL proxies ({@code model: mlp}, {@code transformer}). */
    public static final ClasspathLibrary DJL = new ClasspathLibrary("DJL's PyTorch engine",
            "ai.djl.pytorch.engine.PtEngineProvider",
            "add --jars mutune-djl.jar (built beside the slim jar in spark-jobs/target) to spark-submit, or run the full mutune-spark-jobs.jar");

    /** Whether the library's classes can be loaded here (the loader of mutune's own classes, which spark-submit's --jars join). */
    public boolean present() {
        ClassLoader own = ClasspathLibrary.class.getClassLoader();
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return loadable(own) || (context != null && context != own && loadable(context));
    }

    /**
     * Refuses what needs the library when it is absent.
     *
     * @param what the spec field and value, or option, that needs it, e.g. {@code "output.trials: iceberg:/w#db.t"}
     * @throws IllegalArgumentException naming {@code what}, the library, and how to add it
     */
    public void require(String what) {
        if (!present()) {
            throw new IllegalArgumentException(what + " needs " + name + ", which is not on the classpath: " + howToAdd);
        }
    }

    private boolean loadable(ClassLoader loader) {
        try {
            Class.forName(probe, false, loader);
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
