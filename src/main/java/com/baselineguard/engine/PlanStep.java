package com.baselineguard.engine;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceId;
import com.google.gson.JsonObject;
import java.net.URI;
import java.util.List;

/**
 * One request of a remediation plan and what it changes. Steps are sent in order, each after the
 * previous one has finished. What the request is, is its type ({@link Request}): code that sends or
 * simulates a step asks the type, never the method or target text, which are for display.
 *
 * @param number 1-based position in the plan
 * @param request what is sent, to which service
 * @param changes what the request changes, rule by rule
 */
public record PlanStep(int number, Request request, List<PlannedChange> changes) {

    public PlanStep {
        changes = List.copyOf(changes);
    }

    /**
     * The request of a step. A fix that is blocked is never planned (its finding says why), so every
     * request here is one Baseline Guard may send.
     */
    public sealed interface Request permits PatchResource, PutExtension, SetKeyRotationPolicy {

        /** The HTTP method, as plans and outcome records show it. */
        String method();

        /** Where the request goes, as plans and outcome records show it. */
        String target();

        /** The request body. */
        JsonObject body();
    }

    /**
     * A PATCH of the resource itself on Azure Resource Manager holding only the planned properties,
     * sent with {@code If-Match} when the resource has an etag.
     */
    public record PatchResource(ResourceId resource, JsonObject body) implements Request {
        @Override
        public String method() {
            return "PATCH";
        }

        @Override
        public String target() {
            return resource.toString();
        }
    }

    /**
     * A PUT that creates or replaces an extension resource of the resource on Azure Resource Manager,
     * e.g. a diagnostic setting at {@code {resource}/providers/Microsoft.Insights/diagnosticSettings/{name}}.
     *
     * @param kind the related data the extension resource is (and is simulated as)
     * @param relativeId the id below the resource, e.g. {@code providers/Microsoft.Insights/diagnosticSettings/baseline-guard}
     * @param name the extension resource's name
     */
    public record PutExtension(ResourceId resource, RelatedKind kind, String relativeId, String name, JsonObject body)
            implements Request {
        @Override
        public String method() {
            return "PUT";
        }

        @Override
        public String target() {
            return resource + "/" + relativeId;
        }
    }

    /**
     * A PUT of a Key Vault key's rotation policy on the Key Vault data plane ({@code {key}/rotationpolicy}),
     * not Azure Resource Manager.
     *
     * @param keyIdentifier the versionless key URL, {@code https://<vault>/keys/<name>}
     * @param body the policy in the Key Vault REST shape
     */
    public record SetKeyRotationPolicy(String keyIdentifier, JsonObject body) implements Request {
        @Override
        public String method() {
            return "PUT";
        }

        @Override
        public String target() {
            return keyIdentifier + "/rotationpolicy";
        }

        /** The vault's URL, {@code https://<vault>}. */
        public String vaultUrl() {
            return "https://" + URI.create(keyIdentifier).getAuthority();
        }

        /** The key's name, the last segment of its identifier. */
        public String keyName() {
            String path = URI.create(keyIdentifier).getPath();
            return path.substring(path.lastIndexOf('/') + 1);
        }
    }

    /** The request's HTTP method, for display ({@code PATCH} or {@code PUT}). */
    public String method() {
        return request.method();
    }

    /** Where the request goes, for display: the resource id, the extension resource's id or the policy URL. */
    public String target() {
        return request.target();
    }

    public JsonObject body() {
        return request.body();
    }

    /** The ids of the rules this step fixes. */
    public List<String> ruleIds() {
        return changes.stream().map(PlannedChange::ruleId).distinct().toList();
    }

    /** Whether this step fixes the rule. */
    public boolean fixes(String ruleId) {
        for (PlannedChange change : changes) {
            if (change.ruleId().equals(ruleId)) {
                return true;
            }
        }
        return false;
    }
}
