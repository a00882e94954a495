/**
 * unlearn-stability on Apache Spark: {@link org.unlearnstability.spark.SparkTaskEngine} runs
 * audit claims and experiment rows as Spark tasks (found by the core through
 * {@link org.unlearnstability.engine.TaskEngineProvider}), and {@link org.unlearnstability.spark.SparkMixCoherence}
 * applies the mix-coherence matrix S of Definition 3 in row blocks on executors, so that the core's own
 * certified Perron bracket ({@link org.unlearnstability.coherence.PerronRoot}) computes lambda_max(S) at sizes
 * beyond one machine.
 */
package org.unlearnstability.spark;
