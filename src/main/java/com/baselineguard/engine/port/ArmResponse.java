package com.baselineguard.engine.port;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * What ARM answered: the status, the JSON body, and the headers the engine acts on. Every HTTP answer
 * is a value, including 4xx and 5xx: what to do about a 403 or a 409 is the engine's decision.
 *
 * @param status HTTP status code
 * @param body the JSON body, or null when there was none or it was not JSON
 * @param retryAfter the server's Retry-After, when given
 * @param asyncOperation the Azure-AsyncOperation (or Location) URL of a long-running operation
 */
public record ArmResponse(int status, JsonElement body, Optional<Duration> retryAfter, Optional<String> asyncOperation) {

    public boolean ok() {
        return status >= 200 && status < 300;
    }

    /** The body as an object, or empty. */
    public Optional<JsonObject> object() {
        return body != null && body.isJsonObject() ? Optional.of(body.getAsJsonObject()) : Optional.empty();
    }

    /** ARM's error envelope: {"error": {"code", "message"}}. */
    public Optional<ArmError> error() {
        return object().map(o -> o.get("error")).filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject)
                .map(e -> new ArmError(text(e, "code"), text(e, "message")));
    }

    private static String text(JsonObject o, String member) {
        JsonElement v = o.get(member);
        return v != null && v.isJsonPrimitive() ? v.getAsString() : "";
    }

    /** ARM's error code and message. */
    public record ArmError(String code, String message) {
        @Override
        public String toString() {
            return code + ": " + message;
        }
    }
}
