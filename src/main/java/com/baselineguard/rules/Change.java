package com.baselineguard.rules;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.RelatedKind;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * One change a fix makes: a property of the resource (PATCH), an extension resource (PUT), or the
 * rotation policy of a Key Vault key the resource uses (a Key Vault data-plane PUT).
 */
public sealed interface Change permits Change.Property, Change.ExtensionResource, Change.KeyRotationPolicy {

    /** Display form of what changes, e.g. {@code properties.minimumTlsVersion}. */
    String target();

    /** The value before, or null when not set. */
    JsonElement before();

    /** The value after. */
    JsonElement after();

    /**
     * Sets a property of the resource itself; sent in a PATCH of the resource, merged the way ARM
     * merges PATCH bodies (objects member by member, arrays and values replaced).
     */
    record Property(JsonPath path, JsonElement before, JsonElement after) implements Change {
        @Override
        public String target() {
            return path.toString();
        }
    }

    /**
     * Creates or replaces an extension resource of the resource with a PUT, e.g. a diagnostic
     * setting at {@code {resourceId}/providers/Microsoft.Insights/diagnosticSettings/{name}}.
     *
     * @param relativeId the id below the resource, e.g. {@code providers/Microsoft.Insights/diagnosticSettings/baseline-guard}
     * @param before the existing extension resource with that name, or null
     * @param after the PUT body
     */
    record ExtensionResource(RelatedKind kind, String relativeId, String name, JsonElement before, JsonObject after)
            implements Change {
        @Override
        public String target() {
            return relativeId;
        }
    }

    /**
     * Replaces the rotation policy of a Key Vault key ({@code PUT {key}/rotationpolicy} on the Key Vault
     * data plane, not ARM). The body has the Key Vault REST shape:
     * {@code {"lifetimeActions":[{"trigger":{"timeBeforeExpiry":"P30D"},"action":{"type":"Rotate"}}],
     * "attributes":{"expiryTime":"P1Y"}}}.
     *
     * @param keyIdentifier the versionless key URL, {@code https://<vault>/keys/<name>}
     * @param before the policy as read (the summary's {@code rotationPolicy}), or null when there is none
     * @param after the PUT body
     */
    record KeyRotationPolicy(String keyIdentifier, JsonElement before, JsonObject after) implements Change {
        @Override
        public String target() {
            return keyIdentifier + "/rotationpolicy";
        }
    }
}
