package org.unlearnstability.experiment.fig3;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.stream.IntStream;
import org.unlearnstability.report.Keyed;

/**
 * The four kinds of forget set of Figure 3. Each kind orders the training positions once (from its own seeded
 * stream, or by margin), and a forget set of size n_f is the first n_f of that order, so the sets of one kind are
 * nested across sizes.
 */
public enum ForgetKind implements Keyed {
    /** Uniformly random training samples of the clean model. */
    RANDOM("random", "uniformly random training samples"),
    /** Random training samples whose labels are flipped before training, so that the model must memorise them. */
    MISLABELLED("mislabelled", "random training samples with labels flipped before training (memorised)"),
    /** Correctly labelled samples with the smallest margin y f(w*, x) at the clean w*. */
    ATYPICAL("atypical", "correctly labelled samples with the smallest margin y f(w*, x) at the clean w*"),
    /** Random training samples of one digit. */
    ONE_CLASS("oneClass", "random training samples of one digit only");

    private final Entry entry;

    ForgetKind(String key, String doc) {
        this.entry = new Entry(key, doc);
    }

    @Override
    public Entry entry() {
        return entry;
    }

    /** @return whether the cell trains its own model (labels flipped) instead of the shared clean one */
    public boolean ownModel() {
        return this == MISLABELLED;
    }

    /**
     * @param key a key
     * @return the kind with that key
     */
    public static ForgetKind of(String key) {
        return Keyed.byKey(List.of(values()), key, "forget kind");
    }

    /**
     * @param size n_f
     * @param order this kind's order of the training positions ({@link #order})
     * @return the first n_f positions
     */
    public static int[] select(int size, int[] order) {
        if (size > order.length) {
            throw new IllegalArgumentException("forget size " + size + " exceeds the " + order.length
                    + " candidates");
        }
        return Arrays.copyOf(order, size);
    }

    /**
     * @param permutation a seeded random permutation of the training positions
     * @param trainLabels the true label of each training position
     * @param oneClassLabel the label (+1 or -1) of the one-class digit
     * @param cleanMargins y_i f(w*, x_i) of each training position at the clean w*
     * @return the positions in the order this kind takes them
     */
    public int[] order(int[] permutation, int[] trainLabels, int oneClassLabel, double[] cleanMargins) {
        return switch (this) {
            case RANDOM, MISLABELLED -> permutation.clone();
            case ATYPICAL -> IntStream.range(0, cleanMargins.length).boxed()
                    .filter(i -> cleanMargins[i] > 0)
                    .sorted(Comparator.comparingDouble((Integer i) -> cleanMargins[i]).thenComparingInt(i -> i))
                    .mapToInt(Integer::intValue).toArray();
            case ONE_CLASS -> Arrays.stream(permutation).filter(i -> trainLabels[i] == oneClassLabel).toArray();
        };
    }
}
