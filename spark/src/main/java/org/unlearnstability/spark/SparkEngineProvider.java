package org.unlearnstability.spark;

import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.checkerframework.checker.nullness.qual.Nullable;
import org.unlearnstability.engine.TaskEngine;
import org.unlearnstability.engine.TaskEngineProvider;

/** The {@code --engine spark} of the command line, found by {@link java.util.ServiceLoader}. */
public final class SparkEngineProvider implements TaskEngineProvider {
    /** The master when neither {@code --master} nor spark-submit names one: Spark embedded in this JVM. */
    public static final String DEFAULT_MASTER = "local[*]";

    @Override
    public String name() {
        return "spark";
    }

    @Override
    public TaskEngine open(@Nullable String master) {
        return new SparkTaskEngine(context(master), true);
    }

    /**
     * @param master the master URL; null for spark-submit's (the spark.master property), else {@link #DEFAULT_MASTER}
     * @return a new Spark context (the caller stops it)
     */
    public static JavaSparkContext context(@Nullable String master) {
        SparkConf conf = new SparkConf().setAppName("unlearn-stability");
        if (master != null) {
            conf.setMaster(master);
        } else if (!conf.contains("spark.master")) {
            conf.setMaster(DEFAULT_MASTER);
        }
        if (conf.get("spark.master").startsWith("local")) {
            // Embedded: no web UI to serve, and INFO logging would bury the tool's own output.
            conf.setIfMissing("spark.ui.enabled", "false");
        }
        JavaSparkContext context = new JavaSparkContext(conf);
        context.setLogLevel("WARN");
        return context;
    }
}
