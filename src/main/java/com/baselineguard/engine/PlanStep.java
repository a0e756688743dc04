package com.baselineguard.engine;

import com.google.gson.JsonObject;
import java.util.List;

/**
 * One request of a remediation plan: a PATCH of the resource holding only the planned properties, a
 * PUT of an extension resource (a diagnostic setting), or a PUT of a Key Vault key's rotation policy
 * on the Key Vault data plane. Steps are sent in order, each after the previous one has finished.
 *
 * @param number 1-based position in the plan
 * @param method {@code PATCH} or {@code PUT}
 * @param target the resource id the request goes to; for a Key Vault step, the rotation policy URL
 *     ({@code https://<vault>/keys/<name>/rotationpolicy})
 * @param body the request body
 * @param changes what the request changes, rule by rule
 */
public record PlanStep(int number, String method, String target, JsonObject body, List<PlannedChange> changes) {

    public PlanStep {
        changes = List.copyOf(changes);
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
