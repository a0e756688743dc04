package com.baselineguard.engine.port;

import com.google.gson.JsonObject;
import java.util.Optional;

/**
 * An outcome record as a CloudEvent 1.0 (docs/outcome-events.md): {@code id} is the outcomeId (so a
 * redelivered publish is recognisable), {@code type} {@code com.baselineguard.outcome.<result>},
 * {@code subject} the resource id, {@code data} the record exactly as logged. The engine makes it from
 * an outcome ({@code Outcome.event}); an {@link OutcomeSink} publishes it.
 */
public record OutcomeEvent(String id, String type, String source, Optional<String> subject, JsonObject data) {

    public static final String TYPE_PREFIX = "com.baselineguard.outcome.";
}
