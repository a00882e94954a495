package org.unlearnstability.family;

import org.checkerframework.checker.nullness.qual.Nullable;

/**
 * A rejected input: names the file, the field or set, the sample index and the reason, so that
 * the command line can print one line and exit with status 2.
 */
public final class InputException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final @Nullable String field;
    private final int sampleIndex;
    private final String reason;

    /**
     * @param source the file (or "command line")
     * @param field the set or field, or null
     * @param sampleIndex the sample index, or -1 when not about one sample
     * @param reason why the input is rejected
     */
    public InputException(String source, @Nullable String field, int sampleIndex, String reason) {
        super(format(source, field, sampleIndex, reason));
        this.source = source;
        this.field = field;
        this.sampleIndex = sampleIndex;
        this.reason = reason;
    }

    private static String format(String source, @Nullable String field, int sampleIndex, String reason) {
        StringBuilder message = new StringBuilder(source);
        if (field != null) {
            message.append(": ").append(field);
        }
        if (sampleIndex >= 0) {
            message.append(field != null ? " " : ": ").append("sample ").append(sampleIndex);
        }
        return message.append(": ").append(reason).toString();
    }

    /** @return the file or input source */
    public String source() {
        return source;
    }

    /** @return the set or field, or null */
    public @Nullable String field() {
        return field;
    }

    /** @return the sample index, or -1 */
    public int sampleIndex() {
        return sampleIndex;
    }

    /** @return the reason */
    public String reason() {
        return reason;
    }
}
