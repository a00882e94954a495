package org.unlearnstability.coherence;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * lambda_max(S) of Definition 3 with a certified bracket of a requested relative width, at the least cost:
 * first the bracket [lambda_max(L), lambda_max(M)] of the structured entrywise bounds
 * L &lt;= S &lt;= M of {@link MixCoherenceBounds} (products in O(n_r^2 n_f + n_r n_f^2)); when that is wider
 * than requested and exact products of S are affordable, power steps with S itself from the majorant's
 * Perron vector ({@link PerronRoot}), stopping at the requested width. The result is the intersection of the
 * certified brackets.
 *
 * @param value lambda_max(S) with its bracket; its iteration count is the number of exact products of S
 * @param method how the bracket was obtained
 * @param perronVector the final positive iterate, a start for a nearby operator (frontier cells)
 */
public record MixCoherenceBracket(CertifiedEigenvalue value, Method method, double[] perronVector) {
    /** Default requested relative width of the bracket (1e-9 where the exact path is affordable). */
    public static final double DEFAULT_WIDTH = 1e-9;
    /**
     * Largest number of pairs n_r n_f at which exact products of S are used to tighten the bracket: one product
     * costs (n_r n_f)^2 / 2 square roots, about 1 s on 2 cores at 40,000 pairs and 6 s at 100,000.
     */
    public static final int EXACT_PAIRS_LIMIT = 100_000;

    /** How the bracket was obtained (the {@code lambdaMaxSMethod} key of specs/analyze.md). */
    public enum Method {
        /** The structured bounds alone met the requested width. */
        STRUCTURED("structured"),
        /** Exact products of S narrowed the structured bracket to the requested width. */
        STRUCTURED_THEN_EXACT("structured+exact"),
        /** The structured bracket is wider than requested and S has too many pairs for exact products. */
        STRUCTURED_EXACT_UNAFFORDABLE("structured (exact unaffordable)"),
        /**
         * Exact products of S alone: power steps from the uniform vector (the path before the structured bounds), or
         * certified Lanczos steps from the Perron vector of a nearby S (the chains of the stability frontier).
         */
        EXACT("exact");

        private final String key;

        Method(String key) {
            this.key = key;
        }

        /** @return the value printed under {@code lambdaMaxSMethod} */
        public String key() {
            return key;
        }
    }

    /**
     * @param geometry the family geometry
     * @param a the retain weight C_r'
     * @param b the forget weight C_f'
     * @param width the requested relative width
     * @return the bracket
     */
    public static MixCoherenceBracket of(FamilyGeometry geometry, double a, double b, double width) {
        return of(new MixCoherenceMatrix(geometry, a, b), width, EXACT_PAIRS_LIMIT);
    }

    /**
     * @param s the mix-coherence matrix
     * @param width the requested relative width
     * @param exactPairsLimit the largest size of S at which exact products are used
     * @return the bracket
     */
    public static MixCoherenceBracket of(MixCoherenceMatrix s, double width, int exactPairsLimit) {
        return of(s, width, exactPairsLimit, null);
    }

    /**
     * @param s the mix-coherence matrix
     * @param width the requested relative width
     * @param exactPairsLimit the largest size of S at which exact products are used
     * @param start a positive start for the exact power steps (the Perron vector of a nearby S), or null for the
     *     majorant's Perron vector
     * @return the bracket
     */
    public static MixCoherenceBracket of(MixCoherenceMatrix s, double width, int exactPairsLimit,
            double @Nullable [] start) {
        boolean affordable = s.size() <= exactPairsLimit;
        PerronRoot.Iterate structured = new MixCoherenceBounds(s).bracket(width, affordable);
        if (structured.value().relativeWidth() <= width) {
            CertifiedEigenvalue v = structured.value();
            return new MixCoherenceBracket(new CertifiedEigenvalue(v.estimate(), v.lower(), v.upper(), 0),
                    Method.STRUCTURED, structured.vector());
        }
        if (!affordable) {
            CertifiedEigenvalue v = structured.value();
            return new MixCoherenceBracket(new CertifiedEigenvalue(v.estimate(), v.lower(), v.upper(), 0),
                    Method.STRUCTURED_EXACT_UNAFFORDABLE, structured.vector());
        }
        return tighten(s, start == null ? structured : new PerronRoot.Iterate(structured.value(), start), width);
    }

    /**
     * The bracket for a chain of nearby operators (neighbouring mixing weights of the stability frontier), by
     * Lanczos steps certified at every step ({@link PerronRoot#byLanczos}): the first of a chain (no start) from the
     * majorant's Perron vector, its bracket intersected with the structured one, as in
     * {@link #of(MixCoherenceMatrix, double, int, double[])}; the others from the Perron vector of the previous
     * operator of the chain. When exact products are unaffordable, the structured bracket alone.
     *
     * @param s the mix-coherence matrix
     * @param width the requested relative width
     * @param exactPairsLimit the largest size of S at which exact products are used
     * @param start the Perron vector of the previous S of the chain, or null for the first
     * @return the bracket
     */
    public static MixCoherenceBracket chained(MixCoherenceMatrix s, double width, int exactPairsLimit,
            double @Nullable [] start) {
        if (s.size() > exactPairsLimit) {
            return of(s, width, exactPairsLimit, start);
        }
        if (start == null) {
            PerronRoot.Iterate structured = new MixCoherenceBounds(s).bracket(width, true);
            CertifiedEigenvalue v = structured.value();
            if (v.relativeWidth() <= width) {
                return new MixCoherenceBracket(new CertifiedEigenvalue(v.estimate(), v.lower(), v.upper(), 0),
                        Method.STRUCTURED, structured.vector());
            }
            return intersect(PerronRoot.byLanczos(s, width, MixCoherenceBounds.positive(structured.vector())), v);
        }
        // The previous operator's Perron vector is a far better start than the majorant's, and the structured
        // bracket (as costly as one or two exact products at frontier sizes) would not be narrow enough anyway.
        PerronRoot.Iterate iterate = PerronRoot.byLanczos(s, width, MixCoherenceBounds.positive(start));
        return new MixCoherenceBracket(iterate.value(), Method.EXACT, iterate.vector());
    }

    /**
     * The bracket of {@link PerronRoot#of(NonnegativeOperator)} (power steps with a Lanczos restart, to
     * {@link PerronRoot#DEFAULT_TOLERANCE}), from the uniform vector (then equal to it to the bit) or from a given
     * positive start, such as the Perron vector of a nearby S: the bracket is certified whatever the start, a good
     * start only saves products.
     *
     * @param exact the operator
     * @param start a positive start vector (not modified), or null for the uniform vector
     * @return its Perron root with the final iterate as {@link #perronVector()}
     */
    public static MixCoherenceBracket exactFrom(NonnegativeOperator exact, double @Nullable [] start) {
        double[] from;
        if (start == null) {
            from = new double[exact.size()];
            java.util.Arrays.fill(from, 1.0);
        } else {
            from = MixCoherenceBounds.positive(start);
        }
        PerronRoot.Iterate iterate = PerronRoot.of(exact, PerronRoot.DEFAULT_TOLERANCE,
                PerronRoot.DEFAULT_MAX_ITERATIONS, from);
        return new MixCoherenceBracket(iterate.value(), Method.EXACT, iterate.vector());
    }

    /**
     * Narrows a certified bracket with exact products of any symmetric non-negative operator (the seam for
     * operators computed elsewhere, for example in row blocks on a cluster).
     *
     * @param exact the operator whose Perron root is bracketed
     * @param start a certified bracket of it (possibly [0, infinity)) and a positive start vector
     * @param width the requested relative width
     * @return the intersection of the start bracket and the power steps' bracket
     */
    public static MixCoherenceBracket tighten(NonnegativeOperator exact, PerronRoot.Iterate start, double width) {
        // Power steps need a positive start: the Collatz-Wielandt ratio of a zero coordinate is undefined.
        double[] from = MixCoherenceBounds.positive(start.vector());
        return intersect(PerronRoot.of(exact, width, PerronRoot.DEFAULT_MAX_ITERATIONS, from), start.value());
    }

    /** The exact bracket of an iterate intersected with an earlier certified bracket. */
    private static MixCoherenceBracket intersect(PerronRoot.Iterate iterate, CertifiedEigenvalue earlier) {
        return new MixCoherenceBracket(iterate.value().intersect(earlier), Method.STRUCTURED_THEN_EXACT,
                iterate.vector());
    }
}
