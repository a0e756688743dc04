package com.baselineguard.engine.port;

/**
 * ARM could not be reached or did not answer (connection refused or dropped, timeout) after the
 * pipeline's retries. Transient: the caller defers the work rather than losing it.
 */
public final class ArmUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ArmUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
