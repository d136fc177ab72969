package io.mutune.jobs.cli;

import io.mutune.jobs.session.MutuneSpark;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** How a command that runs Spark finds it. */
final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL",
            description = "Spark master, e.g. spark://host:7077; default local[*], or the one spark-submit set.")
    String master;

    /** The session: on the given master, else spark-submit's, else local with {@code localThreads}. */
    SparkSession session(String localThreads) {
        String m = master != null ? master : System.getProperty("spark.master") == null ? localThreads : null;
        return MutuneSpark.getOrCreate(m);
    }
}
