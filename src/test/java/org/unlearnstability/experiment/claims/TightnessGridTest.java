package org.unlearnstability.experiment.claims;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.unlearnstability.report.Progress;

/**
 * The tightness grid on the section 3.1 construction against an independent closed form: the family is
 * diagonal with two distinct coordinates (e_1, shared by Q samples of weight m = 2n/Q, and the others, one
 * sample each), the drift is a = (1 - 2 alpha) h_mean and the noise s = (c_r + c_f) sum h^2 per coordinate,
 * so etaStar = min over the two coordinates of 2a / (a^2 + s).
 */
class TightnessGridTest {

    @Test
    void gridMatchesTheClosedFormAndCountsTheCellsOnTheWrongSide() {
        PrintStream sink = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
        List<TightnessGrid.Cell> cells = TightnessGrid.compute(new Progress("test", 48, sink, Progress.Style.LINES,
                Duration.ofHours(1), System::nanoTime));
        assertEquals(48, cells.size());
        for (TightnessGrid.Cell c : cells) {
            assertEquals(closedFormEtaStar(c.q(), c.b()), c.etaStar(), 1e-9 * c.etaStar(), c.toString());
            // The proof of Theorem 2.2: etaStar <= etaCoherenceFree <= eta7 on every family.
            assertTrue(c.etaStar() <= c.etaCoherenceFree() * (1 + 1e-9), "etaStar <= etaCoherenceFree: " + c);
            assertTrue(c.etaCoherenceFree() <= c.eta7() * (1 + 1e-9), "etaCoherenceFree <= eta7: " + c);
        }
        TightnessGrid.Cell first = cells.get(0);
        assertEquals(1, first.q());
        assertEquals(1, first.b());
        assertTrue(first.ratio8() > 1.7, "eta8 / etaStar at Q = B = 1: " + first.ratio8());
        long wrong7 = cells.stream().filter(TightnessGrid.Cell::wrong7).count();
        long wrong8 = cells.stream().filter(TightnessGrid.Cell::wrong8).count();
        assertEquals(0, wrong7, "(7) on the wrong side");
        assertEquals(22, wrong8, "(8) on the wrong side");
        cells.stream().filter(c -> c.b() == TightnessGrid.N)
                .forEach(c -> assertTrue(Double.isInfinite(c.eta7()), "K7 = 0 at B = n: " + c));
    }

    private static double closedFormEtaStar(int q, int b) {
        double n = TightnessGrid.N;
        double alpha = TightnessGrid.ALPHA;
        double m = 2 * n / q;
        double c = ((1 - alpha) * (1 - alpha) + alpha * alpha) / n * (1.0 / b - 1 / n);
        double a1 = (1 - 2 * alpha) * q * m / n;
        double best = 2 * a1 / (a1 * a1 + c * q * m * m);
        if (q < n) {
            double a2 = (1 - 2 * alpha) * m / n;
            best = Math.min(best, 2 * a2 / (a2 * a2 + c * m * m));
        }
        return best;
    }
}
