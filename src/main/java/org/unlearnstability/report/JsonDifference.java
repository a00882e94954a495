package org.unlearnstability.report;

/**
 * One place where a produced JSON document departs from its golden file.
 *
 * @param path the JSON path of the value, such as {@code $.cells[3].sigma}
 * @param expected the golden value as JSON text, or {@code <absent>}
 * @param actual the produced value as JSON text, or {@code <absent>}
 * @param reason why they differ, such as {@code differs by 3.1e-6 (relative 2.0e-7)}
 */
public record JsonDifference(String path, String expected, String actual, String reason) {
    /** The text shown for a value that one side does not have. */
    public static final String ABSENT = "<absent>";

    /** @return one readable line: path, expected, actual, reason */
    @Override
    public String toString() {
        return path + ": expected " + expected + ", actual " + actual + " (" + reason + ")";
    }
}
