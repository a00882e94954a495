package org.unlearnstability.experiment.fig1;

import java.util.Locale;
import org.unlearnstability.dynamics.BatchSampler;
import org.unlearnstability.family.HessianFamily;
import org.unlearnstability.family.PaperConstruction;

/** The paper's section 3.1 construction: both sets alike, Q samples on e_1, one on each other direction. */
record Section31Construction() implements Fig1Construction {

    @Override
    public HessianFamily family(int n, int q) {
        return PaperConstruction.section31(n, q);
    }

    @Override
    public CoordinateLaw law(int n, int q, int batch, double alpha, BatchSampler sampler) {
        return new Section31Law(n, q, batch, alpha, sampler);
    }

    @Override
    public int maxQ(int n) {
        return n;
    }

    @Override
    public String describe(int n, double alpha) {
        return String.format(Locale.ROOT, """
                - Construction of section 3.1: n_r = n_f = %d, H_i = m e_1 e_1^T for the first Q samples of each set \
                and m e_{i-Q+1} e_{i-Q+1}^T for the others, m = 2n/Q, d = n - Q + 1; alpha = %s.
                """, n, alpha);
    }

    @Override
    public String title() {
        return "Figure 1";
    }
}
