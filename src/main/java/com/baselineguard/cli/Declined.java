package com.baselineguard.cli;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.Locale;
import java.util.Optional;

/**
 * One change not made.
 *
 * @param ruleId the rule, or empty when the whole resource was declined (exempt from every rule)
 * @param property what the fix would change, when known
 */
record Declined(String resourceId, Optional<String> ruleId, Optional<String> property, JsonElement before,
        JsonElement after, Reason reason, String detail) {

    JsonObject toJson() {
        JsonObject o = new JsonObject();
        o.addProperty("resourceId", resourceId);
        o.addProperty("ruleId", ruleId.orElse(null));
        o.addProperty("property", property.orElse(null));
        o.add("before", ChangeMade.copy(before));
        o.add("after", ChangeMade.copy(after));
        o.addProperty("reason", reason.label());
        o.addProperty("detail", detail);
        return o;
    }

    /** Why the change was not made. */
    enum Reason {
        /** The rule runs in audit mode (its setting or {@code BG_MAX_MODE}). */
        AUDIT_ONLY,
        /** A precondition of the fix does not hold. */
        BLOCKED,
        /** The rule has no automatic fix. */
        NO_AUTOMATIC_FIX,
        /** Another fix of the plan sets the same property. */
        NOT_PLANNED,
        /** The resource's exemption tag names the rule (or every rule). */
        EXEMPT,
        /** Something keeps reverting Baseline Guard's fixes; nothing is sent until the window passes. */
        CONTESTED,
        /** Sent, and ARM (or Key Vault) refused it. */
        REFUSED,
        /** Not sent: a later step the run did not reach, a resource not in a writable state, a transient answer. */
        NOT_SENT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
