package com.baselineguard.testing.arm;

import java.util.Map;

/**
 * One request to the managed-identity endpoint.
 *
 * @param resource the {@code resource} query parameter (the audience the client asked for)
 * @param clientId the {@code client_id} of a user-assigned identity, or null for system-assigned
 * @param managedIdentityResourceId the {@code mi_res_id} of a user-assigned identity, or null
 * @param status the status answered
 */
public record TokenRequest(String resource, String clientId, String managedIdentityResourceId,
        Map<String, String> query, int status) {

    public TokenRequest {
        query = Map.copyOf(query);
    }
}
