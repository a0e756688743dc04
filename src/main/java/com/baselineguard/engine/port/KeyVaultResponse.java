package com.baselineguard.engine.port;

import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * What Key Vault answered: the HTTP status and the body, or {@link #NOT_SENT} with the reason when
 * Baseline Guard refused to send the request (a host that is not a Key Vault endpoint of the cloud).
 *
 * @param detail the service's error code and message (or the refusal) when not 2xx; empty otherwise
 */
public record KeyVaultResponse(int status, Optional<JsonObject> body, String detail) {

    /** The status of a request that was not sent. */
    public static final int NOT_SENT = 0;

    public static KeyVaultResponse ok(int status, JsonObject body) {
        return new KeyVaultResponse(status, Optional.of(body), "");
    }

    public static KeyVaultResponse notSent(String reason) {
        return new KeyVaultResponse(NOT_SENT, Optional.empty(), reason);
    }

    /** The status and detail in words, e.g. {@code HTTP 403 (Forbidden: ...)}. */
    public String describe() {
        if (status == NOT_SENT) {
            return "not sent: " + detail;
        }
        return "HTTP " + status + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
