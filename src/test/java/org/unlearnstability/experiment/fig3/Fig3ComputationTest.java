package org.unlearnstability.experiment.fig3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.unlearnstability.experiment.RunContext;
import org.unlearnstability.experiment.SpecFile;
import org.unlearnstability.report.JsonOutput;
import org.unlearnstability.report.OutputDirectory;

/**
 * The forget kinds on the quick spec (mislabelled labels really flipped, atypical really the smallest margins, one
 * class really one digit, sets nested across sizes), and the sweep identical on 1 and 2 threads and from the cache.
 */
class Fig3ComputationTest {
    private static final Path QUICK = Path.of("specs", "experiments", "fig3-quick.json");
    private static Fig3Spec spec;
    private static DigitsData data;
    private static Fig3Computation computation;

    @TempDir
    Path dir;

    @BeforeAll
    static void build() {
        SpecFile file = SpecFile.read(QUICK);
        spec = Fig3Spec.read(QUICK.toString(), file.tree());
        data = DigitsData.read(spec.dataFile(QUICK), spec.dataSha256());
        computation = new Fig3Computation(spec, data);
    }

    @Test
    void mislabelledSetsHaveExactlyTheirLabelsFlipped() {
        BinaryTask task = computation.task();
        for (int size : spec.forgetSizes()) {
            int[] labels = computation.trainingLabels(ForgetKind.MISLABELLED, size);
            Set<Integer> forget = Arrays.stream(computation.forgetPositions(ForgetKind.MISLABELLED, size))
                    .map(s -> task.train()[s]).boxed().collect(Collectors.toSet());
            assertEquals(size, forget.size());
            for (int i = 0; i < labels.length; i++) {
                assertEquals(forget.contains(i) ? -task.labels()[i] : task.labels()[i], labels[i], "sample " + i);
            }
            assertArrayEquals(task.labels(), computation.trainingLabels(ForgetKind.RANDOM, size));
        }
    }

    @Test
    void atypicalSetsAreTheCorrectlyClassifiedSamplesWithTheSmallestMargins() {
        BinaryTask task = computation.task();
        double[] weights = computation.clean().weights();
        int n = task.train().length;
        double[] margins = new double[n];
        for (int s = 0; s < n; s++) {
            int i = task.train()[s];
            margins[s] = task.labels()[i] * computation.net().logit(weights, task.x()[i]);
        }
        for (int size : spec.forgetSizes()) {
            int[] chosen = computation.forgetPositions(ForgetKind.ATYPICAL, size);
            double largestChosen = Arrays.stream(chosen).mapToDouble(s -> margins[s]).max().orElseThrow();
            Set<Integer> set = new HashSet<>(Arrays.stream(chosen).boxed().toList());
            for (int s = 0; s < n; s++) {
                if (!set.contains(s) && margins[s] > 0) {
                    assertTrue(margins[s] >= largestChosen, "position " + s + " has a smaller margin");
                }
            }
            assertTrue(Arrays.stream(chosen).allMatch(s -> margins[s] > 0), "atypical samples are correctly labelled");
        }
    }

    @Test
    void oneClassSetsHoldOneDigitAndEveryKindIsNestedAcrossSizes() {
        BinaryTask task = computation.task();
        int label = spec.oneClassDigit() == spec.positiveDigit() ? 1 : -1;
        int large = spec.forgetSizes().stream().mapToInt(Integer::intValue).max().orElseThrow();
        int small = spec.forgetSizes().stream().mapToInt(Integer::intValue).min().orElseThrow();
        assertTrue(Arrays.stream(computation.forgetPositions(ForgetKind.ONE_CLASS, large))
                .allMatch(s -> task.labels()[task.train()[s]] == label));
        for (ForgetKind kind : ForgetKind.values()) {
            assertArrayEquals(computation.forgetPositions(kind, small),
                    Arrays.copyOf(computation.forgetPositions(kind, large), small), kind.key());
        }
    }

    @Test
    void sweepIsIdenticalOnOneAndTwoThreadsAndFromTheCache() throws IOException {
        List<Fig3Cell> one = Fig3Experiment.sweep(spec, data, "fig3-quick", context("one", 1));
        List<Fig3Cell> two = Fig3Experiment.sweep(spec, data, "fig3-quick", context("two", 2));
        List<Fig3Cell> cached = Fig3Experiment.sweep(spec, data, "fig3-quick", context("two", 1));
        String text = JsonOutput.mapper().writeValueAsString(one);
        assertEquals(text, JsonOutput.mapper().writeValueAsString(two));
        assertEquals(text, JsonOutput.mapper().writeValueAsString(cached));
        assertEquals(4 * spec.forgetSizes().size(), one.size());
    }

    private RunContext context(String name, int threads) throws IOException {
        return new RunContext(OutputDirectory.create(dir.resolve(name)), dir.resolve(name).resolve("cache"), threads,
                false);
    }
}
