package org.unlearnstability.experiment.fig3;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The four kinds of forget set of Figure 3. Each kind orders the training positions once (from its own seeded
 * stream, or by margin), and a forget set of size n_f is the first n_f of that order, so the sets of one kind are
 * nested across sizes.
 */
public enum ForgetKind {
    /** Uniformly random training samples of the clean model. */
    RANDOM("random", "uniformly random training samples"),
    /** Random training samples whose labels are flipped before training, so that the model must memorise them. */
    MISLABELLED("mislabelled", "random training samples with labels flipped before training (memorised)"),
    /** Correctly labelled samples with the smallest margin y f(w*, x) at the clean w*. */
    ATYPICAL("atypical", "correctly labelled samples with the smallest margin y f(w*, x) at the clean w*"),
    /** Random training samples of one digit. */
    ONE_CLASS("oneClass", "random training samples of one digit only");

    private final String key;
    private final String doc;

    ForgetKind(String key, String doc) {
        this.key = key;
        this.doc = doc;
    }

    /** @return the key in CSV, JSON and cache names */
    public String key() {
        return key;
    }

    /** @return one line on how the set is chosen */
    public String doc() {
        return doc;
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
        for (ForgetKind kind : values()) {
            if (kind.key.equals(key)) {
                return kind;
            }
        }
        throw new IllegalArgumentException("unknown forget kind " + key);
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
