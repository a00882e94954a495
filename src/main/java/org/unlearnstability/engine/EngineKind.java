package org.unlearnstability.engine;

import java.util.Locale;
import java.util.ServiceLoader;
import org.checkerframework.checker.nullness.qual.Nullable;

/** The engines the command line offers ({@code --engine local|spark}). */
public enum EngineKind {
    /** Threads of this JVM. */
    LOCAL,
    /** Apache Spark, from the module's jar (unlearn-stability-spark). */
    SPARK;

    /** What to run when the Spark engine is missing from the class path. */
    static final String SPARK_JAR = "the Spark engine is not on the class path: run spark/target/"
            + "unlearn-stability-spark.jar with spark-submit, or java -cp "
            + "'spark/target/unlearn-stability-spark.jar:spark/target/lib/*' org.unlearnstability.cli.Main "
            + "(build it with mvn -B -f spark/pom.xml package; see README, On Apache Spark)";

    /**
     * @param master the Spark master URL (null: spark-submit's, else local[*]); ignored by the local engine
     * @param threads the local engine's worker threads
     * @return the running engine; the caller closes it
     * @throws EngineUnavailableException when the engine's jar is not on the class path
     */
    public TaskEngine open(@Nullable String master, int threads) {
        if (this == LOCAL) {
            return new LocalTaskEngine(threads);
        }
        String wanted = name().toLowerCase(Locale.ROOT);
        for (TaskEngineProvider provider : ServiceLoader.load(TaskEngineProvider.class)) {
            if (provider.name().equals(wanted)) {
                return provider.open(master);
            }
        }
        throw new EngineUnavailableException(SPARK_JAR);
    }
}
