package org.unlearnstability.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.unlearnstability.engine.TaskResults;
import org.unlearnstability.experiment.ExperimentOutcome;
import org.unlearnstability.experiment.ReproductionJob;
import org.unlearnstability.experiment.RunContext;

/**
 * The jobs of {@code reproduce} (the claims audit), run in order on one thread of their own while the
 * experiments run, so that both cores stay busy through the experiments' serial phases: they share no input
 * or output with the experiments, and every result is independent of the thread count. On the local engine
 * only (a Spark cluster schedules its own work; there the jobs run after the experiments, as before).
 */
final class JobsBeside {
    private final List<ReproductionJob> jobs;
    private final boolean quick;
    private final RunContext context;
    private final List<Future<ExperimentOutcome>> running;
    private final ExecutorService executor;

    private JobsBeside(List<ReproductionJob> jobs, boolean quick, RunContext context, boolean beside) {
        this.jobs = jobs;
        this.quick = quick;
        this.context = context;
        this.executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "reproduce-jobs");
            thread.setDaemon(true);
            return thread;
        });
        this.running = new ArrayList<>();
        if (beside) {
            for (ReproductionJob job : jobs) {
                running.add(executor.submit(() -> {
                    try {
                        return job.run(quick, context);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }));
            }
        }
        executor.shutdown();
    }

    /**
     * @param jobs the jobs, in order
     * @param quick the quick variant
     * @param context the run's context
     * @return the jobs, started beside the experiments on the local engine
     */
    static JobsBeside start(List<ReproductionJob> jobs, boolean quick, RunContext context) {
        return new JobsBeside(jobs, quick, context, "local".equals(context.engine().name()));
    }

    /**
     * The outcomes in job order, each job's "done" line printed when its outcome is taken (jobs not started
     * beside run now).
     *
     * @param err where the "done" lines go
     * @return the outcomes
     * @throws IOException when a job failed to write
     */
    List<ExperimentOutcome> outcomes(PrintWriter err) throws IOException {
        List<ExperimentOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < jobs.size(); i++) {
            ExperimentOutcome outcome = running.isEmpty() ? jobs.get(i).run(quick, context) : await(running.get(i));
            outcomes.add(outcome);
            err.printf(Locale.ROOT, "%s: done in %.1f s%n", jobs.get(i).name(), outcome.elapsed().toMillis() / 1000.0);
        }
        return outcomes;
    }

    private static ExperimentOutcome await(Future<ExperimentOutcome> job) throws IOException {
        try {
            return TaskResults.get(job, "a job beside the experiments");
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
