package org.unlearnstability.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/** The exit statuses of every command, listed in each {@code --help} and in README. */
public final class ExitCodes {
    /** The command finished. */
    public static final int OK = 0;
    /** An internal error (a bug or an environment failure): one line, the stack trace with --verbose. */
    public static final int INTERNAL_ERROR = 1;
    /** Rejected input: a bad file, option value, output directory or size; one line naming it. */
    public static final int BAD_INPUT = 2;
    /** A quick reproduction differs from its golden file beyond the stated tolerance. */
    public static final int GOLDEN_MISMATCH = 3;

    private ExitCodes() {
    }

    /** @return the list for picocli's exit code section, status to description */
    static Map<String, String> help() {
        Map<String, String> out = new LinkedHashMap<>();
        out.put(" " + OK, "success");
        out.put(" " + INTERNAL_ERROR, "internal error (stack trace with --verbose)");
        out.put(" " + BAD_INPUT, "bad input: file, option, --out directory or size refused");
        out.put(" " + GOLDEN_MISMATCH, "output differs from golden/ (reproduce --quick)");
        return out;
    }
}
