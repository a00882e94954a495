package org.unlearnstability.engine;

/**
 * A {@link java.util.ServiceLoader} service: an engine that lives in another jar (the Spark module lists
 * its provider in {@code META-INF/services/org.unlearnstability.engine.TaskEngineProvider}).
 */
public interface TaskEngineProvider {

    /** @return the engine's name as {@link EngineKind} spells it in lower case ("spark") */
    String name();

    /**
     * @param master where the engine runs (a Spark master URL); null for the engine's default (for Spark:
     *     spark-submit's master, else {@code local[*]})
     * @return a running engine; the caller closes it
     */
    TaskEngine open(@org.checkerframework.checker.nullness.qual.Nullable String master);
}
