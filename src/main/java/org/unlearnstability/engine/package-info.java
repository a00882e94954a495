/**
 * Where independent tasks run: a {@link org.unlearnstability.engine.TaskEngine} maps a list of serialisable
 * tasks (audit claims, experiment rows) through a serialisable function and returns the results in task
 * order, so a report never depends on scheduling. {@link org.unlearnstability.engine.LocalTaskEngine} runs
 * them on a fork-join pool in this JVM; other engines (the Apache Spark module) are found with
 * {@link java.util.ServiceLoader} through {@link org.unlearnstability.engine.TaskEngineProvider}, so this
 * jar stays free of them. Nothing of the paper lives here.
 */
package org.unlearnstability.engine;
