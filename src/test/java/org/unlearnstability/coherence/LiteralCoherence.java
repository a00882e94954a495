package org.unlearnstability.coherence;

import java.util.List;
import org.hipparchus.linear.EigenDecompositionSymmetric;
import org.hipparchus.linear.MatrixUtils;
import org.hipparchus.linear.RealMatrix;
import org.unlearnstability.definitions.NoiseConstants;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.linalg.Hessian;

/**
 * The test oracle: Definitions 1-4 computed literally, with explicit matrix square roots and dense
 * eigen-decompositions, exactly as printed in the paper. Never used by product code.
 */
final class LiteralCoherence {
    private LiteralCoherence() {
    }

    static RealMatrix squareRoot(RealMatrix h) {
        EigenDecompositionSymmetric eigen = new EigenDecompositionSymmetric(h);
        double[] values = eigen.getEigenvalues();
        double[] roots = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            roots[i] = Math.sqrt(Math.max(0.0, values[i]));
        }
        RealMatrix v = eigen.getV();
        return v.multiply(MatrixUtils.createRealDiagonalMatrix(roots)).multiply(v.transpose());
    }

    static double lambdaMax(RealMatrix symmetric) {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : new EigenDecompositionSymmetric(symmetric).getEigenvalues()) {
            max = Math.max(max, v);
        }
        return max;
    }

    static RealMatrix mixCoherenceMatrix(HessianFamily family, NoiseConstants noise) {
        List<Hessian> retain = family.retain();
        List<Hessian> forget = family.forget();
        int nf = forget.size();
        int pairs = retain.size() * nf;
        RealMatrix[] roots = new RealMatrix[pairs];
        for (int r = 0; r < retain.size(); r++) {
            for (int f = 0; f < nf; f++) {
                RealMatrix d = mixedPair(retain.get(r), forget.get(f), noise);
                roots[r * nf + f] = squareRoot(d);
            }
        }
        RealMatrix s = MatrixUtils.createRealMatrix(pairs, pairs);
        for (int p = 0; p < pairs; p++) {
            for (int q = 0; q < pairs; q++) {
                s.setEntry(p, q, roots[p].multiply(roots[q]).getFrobeniusNorm());
            }
        }
        return s;
    }

    static RealMatrix mixedPair(Hessian hr, Hessian hf, NoiseConstants noise) {
        return hr.toMatrix().scalarMultiply(noise.cRPrime()).add(hf.toMatrix().scalarMultiply(noise.cFPrime()));
    }

    static double sigma(HessianFamily family, NoiseConstants noise) {
        double maxD = 0.0;
        for (Hessian hr : family.retain()) {
            for (Hessian hf : family.forget()) {
                maxD = Math.max(maxD, lambdaMax(mixedPair(hr, hf, noise)));
            }
        }
        return lambdaMax(mixCoherenceMatrix(family, noise)) / maxD;
    }

    static double singleSetSigma(List<Hessian> set) {
        int n = set.size();
        RealMatrix[] roots = new RealMatrix[n];
        double maxH = 0.0;
        for (int i = 0; i < n; i++) {
            roots[i] = squareRoot(set.get(i).toMatrix());
            maxH = Math.max(maxH, lambdaMax(set.get(i).toMatrix()));
        }
        RealMatrix s = MatrixUtils.createRealMatrix(n, n);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s.setEntry(i, j, roots[i].multiply(roots[j]).getFrobeniusNorm());
            }
        }
        return lambdaMax(s) / maxH;
    }
}
