package org.unlearnstability.audit;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.unlearnstability.theory.ClaimProof;
import org.unlearnstability.theory.ProofStep;
import org.unlearnstability.theory.StepValue;

/**
 * Every step of a claim's written proof ({@link ClaimProof}) checked on every generated case of the claim's audit
 * that satisfies the proof's hypotheses: the claim is PROVED only if no step fails on any of them.
 *
 * @param steps one summary per proof step, in the proof's order
 * @param cases the cases inside the proof's hypotheses (checked)
 * @param numericalFailures cases whose evaluation failed numerically (counted, never hidden)
 */
public record ProofAudit(List<StepSummary> steps, int cases, int numericalFailures)
        implements Serializable {
    /** The quantile levels of lhs / rhs reported per step. */
    static final double[] LEVELS = {0.0, 0.1, 0.5, 0.9, 1.0};

    /** Copies the list. */
    public ProofAudit {
        steps = List.copyOf(steps);
    }

    /**
     * One step over the cases.
     *
     * @param step the step
     * @param failures cases on which it fails
     * @param worstMargin its smallest signed relative margin (see {@link ProofStep#margin})
     * @param ratioQuantiles lhs / rhs at {@link #LEVELS} over the cases with rhs != 0 (empty when none)
     */
    public record StepSummary(ProofStep step, int failures, double worstMargin, double[] ratioQuantiles)
            implements Serializable {
        /** Copies the array. */
        public StepSummary {
            ratioQuantiles = ratioQuantiles.clone();
        }
    }

    /** @return whether the proof was checked on at least one case and no step failed on any */
    public boolean holds() {
        return cases > 0 && numericalFailures == 0 && steps.stream().allMatch(s -> s.failures() == 0);
    }

    /**
     * @param proof the claim's proof
     * @param generated the audit's generated cases
     * @return the step summaries
     */
    static ProofAudit over(ClaimProof proof, List<AuditCase> generated) {
        List<Evaluation> values = IntStream.range(0, generated.size()).parallel()
                .mapToObj(i -> evaluate(proof, generated.get(i))).toList();
        int failures = (int) values.stream().filter(Evaluation::failed).count();
        List<List<StepValue>> inside = new ArrayList<>();
        for (Evaluation v : values) {
            v.values().ifPresent(inside::add);
        }
        List<StepSummary> steps = new ArrayList<>();
        for (int s = 0; s < proof.steps().size(); s++) {
            ProofStep step = proof.steps().get(s);
            int failed = 0;
            double worst = Double.POSITIVE_INFINITY;
            double[] ratios = new double[inside.size()];
            int count = 0;
            for (List<StepValue> caseValues : inside) {
                StepValue value = caseValues.get(s);
                failed += step.holds(value) ? 0 : 1;
                worst = Math.min(worst, step.margin(value));
                if (value.rhs() != 0.0 && Double.isFinite(value.lhs() / value.rhs())) {
                    ratios[count++] = value.lhs() / value.rhs();
                }
            }
            steps.add(new StepSummary(step, failed, worst, quantiles(Arrays.copyOf(ratios, count))));
        }
        return new ProofAudit(steps, inside.size(), failures);
    }

    /** One case: its step values (empty outside the proof's hypotheses), or a numerical failure. */
    private record Evaluation(boolean failed, Optional<List<StepValue>> values) {
    }

    private static Evaluation evaluate(ClaimProof proof, AuditCase c) {
        try {
            return new Evaluation(false, proof.evaluate(c.family(), c.hyper()));
        } catch (ArithmeticException | IllegalStateException | org.hipparchus.exception.MathRuntimeException e) {
            return new Evaluation(true, Optional.empty());
        }
    }

    private static double[] quantiles(double[] values) {
        if (values.length == 0) {
            return new double[0];
        }
        Arrays.sort(values);
        double[] out = new double[LEVELS.length];
        for (int i = 0; i < LEVELS.length; i++) {
            out[i] = values[(int) Math.round(LEVELS[i] * (values.length - 1))];
        }
        return out;
    }
}
