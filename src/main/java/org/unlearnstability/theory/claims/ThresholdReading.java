package org.unlearnstability.theory.claims;

import java.util.List;
import org.unlearnstability.theory.KnownCase;

/**
 * A claim of Theorem 2.2 or 2.3 checked over every learning rate at once through its threshold (eta7 of (7) or
 * eta8 of (8), see {@link Thresholds}), read with the inequality as printed or strictly. Its constructed equality
 * case (rho(T) = 1 at the threshold) violates the non-strict reading and not the strict one.
 */
abstract class ThresholdReading extends AbstractClaim {
    private final boolean strict;

    ThresholdReading(String slug, boolean strict) {
        super(slug);
        this.strict = strict;
    }

    /** @return whether the inequality is read strictly */
    final boolean strict() {
        return strict;
    }

    @Override
    public final boolean etaDependent() {
        return false;
    }

    @Override
    public final boolean boundaryViolates() {
        return !strict;
    }

    @Override
    public final List<KnownCase> equalityCases() {
        return List.of(equalityCase());
    }

    /** @return the case where the condition holds with equality and T = 1 */
    abstract KnownCase equalityCase();
}
