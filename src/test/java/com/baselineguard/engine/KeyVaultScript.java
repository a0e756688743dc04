package com.baselineguard.engine;

import com.baselineguard.engine.port.KeyVaultGateway;
import com.baselineguard.engine.port.KeyVaultResponse;
import com.baselineguard.engine.port.KeyVaultUnavailableException;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The Key Vault keys data plane in memory for the engine's unit tests: the published key (GetKey 7.5,
 * RSA 2048, enabled, no expiry, as the SDK gateway summarises it) and no rotation policy; the answer to
 * a rotation-policy write can be set, or the vault made unreachable.
 */
final class KeyVaultScript implements KeyVaultGateway {

    final List<String> calls = new ArrayList<>();
    KeyVaultResponse setAnswer = null;
    boolean unreachable;

    @Override
    public KeyVaultResponse key(String vaultUrl, String name, String version) {
        calls.add("GET " + vaultUrl + "/keys/" + name);
        check();
        JsonObject key = new JsonObject();
        key.addProperty("kid", vaultUrl + "/keys/" + name + "/78deebed173b48e48f55abf87ed4cf71");
        key.addProperty("kty", Fixtures.json("Microsoft.KeyVault/keys/7.5_GetKey.json").getAsJsonObject()
                .getAsJsonObject("key").get("kty").getAsString());
        key.addProperty("keySize", 2048);
        key.addProperty("enabled", true);
        return KeyVaultResponse.ok(200, key);
    }

    @Override
    public KeyVaultResponse rotationPolicy(String vaultUrl, String name) {
        calls.add("GET " + vaultUrl + "/keys/" + name + "/rotationpolicy");
        check();
        return new KeyVaultResponse(404, java.util.Optional.empty(), "RotationPolicyNotFound");
    }

    @Override
    public KeyVaultResponse setRotationPolicy(String vaultUrl, String name, JsonObject policy) {
        calls.add("PUT " + vaultUrl + "/keys/" + name + "/rotationpolicy");
        check();
        return setAnswer != null ? setAnswer : KeyVaultResponse.ok(200, policy);
    }

    private void check() {
        if (unreachable) {
            throw new KeyVaultUnavailableException("connection refused", null);
        }
    }
}
