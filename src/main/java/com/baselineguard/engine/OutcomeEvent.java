package com.baselineguard.engine;

import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * An outcome record as a CloudEvent 1.0 (docs/outcome-events.md): {@code id} is the outcomeId (so a
 * redelivered publish is recognisable), {@code type} {@code com.baselineguard.outcome.<result>},
 * {@code subject} the resource id, {@code data} the record exactly as logged ({@link Outcome#toJson()}).
 */
public record OutcomeEvent(String id, String type, String source, Optional<String> subject, JsonObject data) {

    public static final String TYPE_PREFIX = "com.baselineguard.outcome.";

    public static OutcomeEvent of(Outcome outcome, String source) {
        String resourceId = outcome.item().resourceId();
        return new OutcomeEvent(outcome.outcomeId(), TYPE_PREFIX + outcome.result().label(), source,
                resourceId == null || resourceId.isBlank() ? Optional.empty() : Optional.of(resourceId), outcome.toJson());
    }
}
