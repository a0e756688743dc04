package com.baselineguard.engine.port;

import com.google.gson.JsonObject;

/**
 * The one way Baseline Guard talks to the Azure Key Vault keys data plane (not ARM): reading a key's
 * attributes and rotation policy, and replacing the rotation policy. Never reads key material beyond
 * the public modulus size, never creates, rotates or deletes keys.
 *
 * <p>Data actions needed on the vault (Azure RBAC): {@code Microsoft.KeyVault/vaults/keys/read},
 * {@code Microsoft.KeyVault/vaults/keys/rotationpolicy/read} and, for the opt-in fix,
 * {@code Microsoft.KeyVault/vaults/keys/rotationpolicy/write} ({@code com.baselineguard.keyvault.KeyVaultDataActions}).
 *
 * <p>Every service answer is a value; only a failure to reach the service at all throws
 * {@link KeyVaultUnavailableException}.
 */
public interface KeyVaultGateway {

    /**
     * {@code GET {vaultUrl}/keys/{name}[/{version}]}: on 200 the body is
     * {@code {"kid","kty","keySize","enabled","expires","notBefore"}} ({@code keySize} in bits for RSA,
     * {@code expires}/{@code notBefore} ISO-8601 instants, absent when not set).
     *
     * @param version a key version, or null for the current one
     */
    KeyVaultResponse key(String vaultUrl, String name, String version);

    /**
     * {@code GET {vaultUrl}/keys/{name}/rotationpolicy}: on 200 the body is the policy in the Key Vault REST
     * shape, {@code {"id","lifetimeActions":[{"trigger":{...},"action":{"type"}}],"attributes":{"expiryTime"}}}.
     */
    KeyVaultResponse rotationPolicy(String vaultUrl, String name);

    /** {@code PUT {vaultUrl}/keys/{name}/rotationpolicy} with a policy in the Key Vault REST shape. */
    KeyVaultResponse setRotationPolicy(String vaultUrl, String name, JsonObject policy);

    /** No Key Vault access: every call answers "not sent" with the reason. */
    static KeyVaultGateway unavailable(String reason) {
        return new KeyVaultGateway() {
            @Override
            public KeyVaultResponse key(String vaultUrl, String name, String version) {
                return KeyVaultResponse.notSent(reason);
            }

            @Override
            public KeyVaultResponse rotationPolicy(String vaultUrl, String name) {
                return KeyVaultResponse.notSent(reason);
            }

            @Override
            public KeyVaultResponse setRotationPolicy(String vaultUrl, String name, JsonObject policy) {
                return KeyVaultResponse.notSent(reason);
            }
        };
    }
}
