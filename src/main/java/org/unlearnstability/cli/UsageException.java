package org.unlearnstability.cli;

/**
 * An explicit check of a command-line value failed (a missing or out-of-range option): the user's to fix,
 * reported as one line with exit status {@link ExitCodes#BAD_INPUT}. Only these and
 * {@link org.unlearnstability.family.InputException} count as bad input; any other exception is an
 * internal error.
 */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * @param message what is wrong, naming the option
     */
    public UsageException(String message) {
        super(message);
    }

    /**
     * @param condition what a valid command line satisfies
     * @param message what is wrong when it does not, naming the option
     * @throws UsageException with the message when the condition fails
     */
    static void require(boolean condition, String message) {
        if (!condition) {
            throw new UsageException(message);
        }
    }
}
