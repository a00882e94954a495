package org.unlearnstability.audit;

/**
 * The range of a claim's secondary ratio ({@link org.unlearnstability.theory.ClaimCheck#secondary()}) over the
 * generated cases, and how many of them put it below one.
 *
 * @param min the smallest ratio, NaN before the first case that has one
 * @param max the largest ratio, NaN before the first case that has one
 * @param belowOne the cases whose ratio is below one
 */
record SecondaryRatios(double min, double max, int belowOne) {
    /** No case yet. */
    static final SecondaryRatios NONE = new SecondaryRatios(Double.NaN, Double.NaN, 0);

    /**
     * @param value one case's ratio, NaN where the case has none
     * @return the ratios with that one added (unchanged by NaN)
     */
    SecondaryRatios add(double value) {
        if (Double.isNaN(value)) {
            return this;
        }
        return new SecondaryRatios(Double.isNaN(min) ? value : Math.min(min, value),
                Double.isNaN(max) ? value : Math.max(max, value), belowOne + (value < 1.0 ? 1 : 0));
    }
}
