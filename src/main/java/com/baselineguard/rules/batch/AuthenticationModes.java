package com.baselineguard.rules.batch;

import com.baselineguard.rules.support.Values;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;

/**
 * {@code properties.allowedAuthenticationModes}: an array of {@code SharedKey}, {@code AAD},
 * {@code TaskAuthenticationToken} (Batch 2025-06-01 REST spec,
 * specification/batch/resource-manager/Microsoft.Batch/Batch/stable/2025-06-01/openapi.json). Shared by BATCH-005 and
 * BATCH-006.
 */
final class AuthenticationModes {

    static final String PATH = "properties.allowedAuthenticationModes";
    /** What an absent array means, quoted in both rules' reasons. */
    static final String ABSENT = "absent: the service allows shared key authentication, and Azure Policy 6f68b69f"
            + " flags it";

    private AuthenticationModes() {
    }

    /** True when every element is {@code mode}. */
    static boolean only(JsonElement modes, String mode) {
        return modes.isJsonArray()
                && modes.getAsJsonArray().asList().stream().allMatch(m -> Values.textEquals(m, mode));
    }

    /** True when some element is {@code mode}. */
    static boolean contains(JsonElement modes, String mode) {
        return modes.isJsonArray()
                && modes.getAsJsonArray().asList().stream().anyMatch(m -> Values.textEquals(m, mode));
    }

    static JsonArray of(String... modes) {
        JsonArray array = new JsonArray();
        for (String mode : modes) {
            array.add(mode);
        }
        return array;
    }
}
