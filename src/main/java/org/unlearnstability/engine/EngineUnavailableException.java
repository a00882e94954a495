package org.unlearnstability.engine;

/** The engine asked for is not on the class path; the message says which jar to run. */
public final class EngineUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** @param message what to run instead */
    public EngineUnavailableException(String message) {
        super(message);
    }
}
