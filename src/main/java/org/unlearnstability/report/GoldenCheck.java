package org.unlearnstability.report;

import java.nio.file.Path;
import java.util.List;

/**
 * The outcome of checking one produced document against its golden file (see {@link GoldenFile}).
 *
 * @param file the golden file
 * @param outcome what happened
 * @param differences the differences found (before any update), empty when the document matched
 * @param detail extra text: the parse error of an unreadable golden file, otherwise empty
 */
public record GoldenCheck(Path file, Outcome outcome, List<JsonDifference> differences, String detail) {
    /** How many differences {@link #describe()} lists before summarising the rest. */
    public static final int LISTED = 40;

    /** What happened to the golden file. */
    public enum Outcome {
        /** The document matches the golden file within tolerance. */
        MATCHES(true),
        /** The document departs from the golden file. */
        DIFFERS(false),
        /** There is no golden file. */
        MISSING(false),
        /** The golden file is not valid JSON. */
        UNREADABLE(false),
        /** Update mode: the golden file did not exist and was written. */
        CREATED(true),
        /** Update mode: the golden file differed (or was unreadable) and was rewritten. */
        UPDATED(true);

        private final boolean passes;

        Outcome(boolean passes) {
            this.passes = passes;
        }
    }

    /** Copies the differences. */
    public GoldenCheck {
        differences = List.copyOf(differences);
    }

    /** @return whether the check passes (matched, or the golden file was deliberately written) */
    public boolean passed() {
        return outcome.passes;
    }

    /** @return a readable account: the outcome, what to do, and the differences with their JSON paths */
    public String describe() {
        StringBuilder text = new StringBuilder();
        switch (outcome) {
            case MATCHES -> text.append("golden file ").append(file).append(" matches");
            case DIFFERS -> text.append("output differs from golden file ").append(file).append(" in ")
                    .append(differences.size()).append(differences.size() == 1 ? " place" : " places")
                    .append(". If the change is intended, rewrite it with ").append(GoldenFile.UPDATE_HINT)
                    .append(" and review the diff before committing");
            case MISSING -> text.append("golden file ").append(file).append(" does not exist; create it with ")
                    .append(GoldenFile.UPDATE_HINT).append(", then review and commit it");
            case UNREADABLE -> text.append("golden file ").append(file).append(" is not valid JSON (").append(detail)
                    .append("); rewrite it with ").append(GoldenFile.UPDATE_HINT);
            case CREATED -> text.append("golden file ").append(file).append(" did not exist and was CREATED"
                    + " (golden.update=true); review and commit it");
            case UPDATED -> text.append("golden file ").append(file).append(" was REWRITTEN (golden.update=true)"
                    + "; review the diff before committing. It differed in ").append(differences.size())
                    .append(differences.size() == 1 ? " place" : " places");
            default -> throw new IllegalStateException("unknown outcome " + outcome);
        }
        int shown = Math.min(LISTED, differences.size());
        for (int i = 0; i < shown; i++) {
            text.append("\n  ").append(differences.get(i));
        }
        if (differences.size() > shown) {
            text.append("\n  ... and ").append(differences.size() - shown).append(" more");
        }
        return text.toString();
    }
}
