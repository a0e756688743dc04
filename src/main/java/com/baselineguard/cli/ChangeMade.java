package com.baselineguard.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Optional;

/**
 * One change sent, or planned in a dry run.
 *
 * @param verifiedBy the outcomeId of the invocation whose read verified it (fixed or still failing)
 * @param operation the long-running operation ARM named when it accepted the request
 */
record ChangeMade(String resourceId, String ruleId, String property, JsonElement before, JsonElement after,
        int step, String method, String target, State state, String detail, Optional<String> verifiedBy,
        Optional<String> operation) {

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("resourceId", resourceId);
        o.addProperty("ruleId", ruleId);
        o.addProperty("property", property);
        o.add("before", copy(before));
        o.add("after", copy(after));
        o.addProperty("step", step);
        o.addProperty("method", method);
        o.addProperty("target", target);
        o.addProperty("state", state.label());
        o.addProperty("detail", detail);
        o.addProperty("verifiedBy", verifiedBy.orElse(null));
        o.addProperty("operation", operation.orElse(null));
        return o;
    }

    /** Where the change stands after the run. */
    enum State {
        /** Sent, and the read after it found the rule passing. */
        FIXED,
        /** Sent, and the read after it still found the rule failing. */
        STILL_FAILING,
        /** Sent, and no read after it could tell yet. */
        NOT_VERIFIED,
        /** A dry run: planned, not sent. */
        WOULD_CHANGE;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    static JsonElement copy(JsonElement value) {
        return value == null ? JsonNull.INSTANCE : value.deepCopy();
    }
}
