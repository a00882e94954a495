package org.unlearnstability.experiment;

/**
 * An inclusive range of integers in a spec, written {@code {"from": 1, "to": 50}}.
 *
 * @param from the first value
 * @param to the last value, at least {@code from}
 */
public record IntegerRange(int from, int to) implements java.io.Serializable {

    /** Rejects an empty range. */
    public IntegerRange {
        if (to < from) {
            throw new IllegalArgumentException("range from " + from + " to " + to + " is empty");
        }
    }

    /** @return from, from + 1, ..., to */
    public int[] values() {
        int[] values = new int[to - from + 1];
        for (int i = 0; i < values.length; i++) {
            values[i] = from + i;
        }
        return values;
    }

    /** @return how many values */
    public int size() {
        return to - from + 1;
    }
}
