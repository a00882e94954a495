package org.unlearnstability.family;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.unlearnstability.linalg.DenseHessian;
import org.unlearnstability.linalg.DiagonalHessian;
import org.unlearnstability.linalg.FactorHessian;
import org.unlearnstability.linalg.Hessian;
import org.unlearnstability.rng.RandomStreams;

/**
 * QuickTheories generators of random PSD Hessian families. Each family is a pure function of
 * (kind, seed), and its toString names both, so a failing property prints what reproduces it.
 */
public final class FamilyGenerators {
    private FamilyGenerators() {
    }

    /** The shapes of family the properties must survive. */
    public enum Kind {
        /** Dense A A^T with Gaussian A. */
        DENSE,
        /** Rank-1 or rank-2 factors. */
        LOW_RANK,
        /** Nonnegative diagonals. */
        DIAGONAL,
        /** One shared direction plus a small perturbation per sample. */
        NEARLY_ALIGNED,
        /** The forget set is a copy of the retain set. */
        IDENTICAL,
        /** Retain Hessians live on the first coordinates, forget Hessians on the others. */
        ORTHOGONAL,
        /** Dense, diagonal and factor forms mixed in one family. */
        MIXED
    }

    /**
     * @param kind the kind
     * @param seed the seed
     * @param family the generated family
     */
    public record Generated(Kind kind, long seed, HessianFamily family) {
        @Override
        public String toString() {
            return kind + "(seed=" + seed + ", d=" + family.dimension() + ", n_r=" + family.nRetain()
                    + ", n_f=" + family.nForget() + ")";
        }
    }

    /**
     * @param maxDimension the largest d
     * @param maxSamples the largest n_r and n_f
     * @return families of every kind
     */
    public static Gen<Generated> families(int maxDimension, int maxSamples) {
        Gen<Kind> kinds = Generate.enumValues(Kind.class);
        Gen<Long> seeds = Generate.longRange(0, Long.MAX_VALUE);
        return kinds.zip(seeds, (kind, seed) -> generate(kind, seed, maxDimension, maxSamples));
    }

    /**
     * @param kind the kind
     * @param seed the seed
     * @param maxDimension the largest d
     * @param maxSamples the largest n_r and n_f
     * @return the family of that kind and seed
     */
    public static Generated generate(Kind kind, long seed, int maxDimension, int maxSamples) {
        UniformRandomProvider rng = RandomStreams.stream(seed, kind.ordinal());
        int d = 2 + rng.nextInt(maxDimension - 1);
        int nRetain = 1 + rng.nextInt(maxSamples);
        int nForget = 1 + rng.nextInt(maxSamples);
        List<Hessian> retain = new ArrayList<>();
        List<Hessian> forget = new ArrayList<>();
        double[] shared = gaussian(rng, d);
        for (int i = 0; i < nRetain; i++) {
            retain.add(sample(kind, rng, d, shared, true, i));
        }
        if (kind == Kind.IDENTICAL) {
            forget.addAll(retain);
        } else {
            for (int i = 0; i < nForget; i++) {
                forget.add(sample(kind, rng, d, shared, false, i));
            }
        }
        return new Generated(kind, seed, new HessianFamily(retain, forget));
    }

    private static Hessian sample(Kind kind, UniformRandomProvider rng, int d, double[] shared, boolean retain, int i) {
        switch (kind) {
            case DENSE:
            case IDENTICAL:
                return dense(rng, d, d);
            case LOW_RANK:
                return factor(rng, d, 1 + rng.nextInt(2));
            case DIAGONAL:
                return diagonal(rng, d, 0, d);
            case NEARLY_ALIGNED:
                double[] g = shared.clone();
                for (int j = 0; j < d; j++) {
                    g[j] += 0.05 * rng.nextDouble() - 0.025;
                }
                return FactorHessian.rankOne(g);
            case ORTHOGONAL:
                int split = d / 2;
                return retain ? diagonal(rng, d, 0, split) : diagonal(rng, d, split, d);
            case MIXED:
                int form = i % 3;
                return form == 0 ? dense(rng, d, d) : form == 1 ? diagonal(rng, d, 0, d) : factor(rng, d, 1);
            default:
                throw new IllegalStateException(kind.toString());
        }
    }

    /** A A^T with A of size d x k, Gaussian entries. */
    private static Hessian dense(UniformRandomProvider rng, int d, int k) {
        double[][] a = new double[d][];
        for (int i = 0; i < d; i++) {
            a[i] = gaussian(rng, k);
        }
        double[][] h = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < d; j++) {
                double s = 0.0;
                for (int c = 0; c < k; c++) {
                    s += a[i][c] * a[j][c];
                }
                h[i][j] = s;
            }
        }
        return DenseHessian.of(h);
    }

    private static Hessian factor(UniformRandomProvider rng, int d, int k) {
        double[][] columns = new double[k][];
        for (int c = 0; c < k; c++) {
            columns[c] = gaussian(rng, d);
        }
        return FactorHessian.ofColumns(d, columns);
    }

    private static Hessian diagonal(UniformRandomProvider rng, int d, int from, int to) {
        double[] diag = new double[d];
        for (int j = from; j < to; j++) {
            diag[j] = rng.nextDouble() * 2.0;
        }
        return DiagonalHessian.of(diag);
    }

    private static double[] gaussian(UniformRandomProvider rng, int n) {
        return RandomStreams.gaussian(rng, n);
    }
}
