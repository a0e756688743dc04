package com.baselineguard.engine.port;

/** Key Vault could not be reached (connection, TLS, timeout, token): transient, worth retrying later. */
public final class KeyVaultUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public KeyVaultUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
