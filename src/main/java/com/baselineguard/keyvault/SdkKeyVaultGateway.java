package com.baselineguard.keyvault;

import com.azure.core.credential.TokenCredential;
import com.azure.core.exception.HttpResponseException;
import com.azure.core.http.policy.ExponentialBackoffOptions;
import com.azure.core.http.policy.RetryOptions;
import com.azure.core.util.Context;
import com.azure.security.keyvault.keys.KeyClient;
import com.azure.security.keyvault.keys.KeyClientBuilder;
import com.azure.security.keyvault.keys.KeyServiceVersion;
import com.azure.security.keyvault.keys.models.JsonWebKey;
import com.azure.security.keyvault.keys.models.KeyProperties;
import com.azure.security.keyvault.keys.models.KeyRotationLifetimeAction;
import com.azure.security.keyvault.keys.models.KeyRotationPolicy;
import com.azure.security.keyvault.keys.models.KeyRotationPolicyAction;
import com.azure.security.keyvault.keys.models.KeyVaultKey;
import com.baselineguard.engine.port.KeyVaultGateway;
import com.baselineguard.engine.port.KeyVaultResponse;
import com.baselineguard.engine.port.KeyVaultUnavailableException;
import com.baselineguard.identity.AzureHttp;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link KeyVaultGateway} over azure-security-keyvault-keys: one {@link KeyClient} per vault, the same
 * credential as ARM (the managed identity), api-version 7.5. The SDK answers Key Vault's bearer
 * challenge itself. Requests go only to hosts under the cloud's Key Vault DNS suffixes (or the one
 * configured): a key identifier is data from the Batch account, and sending a token wherever it
 * points would hand the identity's token to any host an account names.
 */
public final class SdkKeyVaultGateway implements KeyVaultGateway {

    private static final int MAX_DETAIL = 300;

    private final TokenCredential credential;
    private final List<String> trustedSuffixes;
    private final boolean customSuffix;
    private final Duration timeout;
    private final Map<String, KeyClient> clients = new ConcurrentHashMap<>();

    /**
     * @param trustedSuffixes DNS suffixes of Key Vault hosts, e.g. {@code vault.azure.net}
     * @param customSuffix true when the suffixes are configured rather than the cloud's: those hosts are
     *     not Key Vault's own, so the SDK's check that the challenge names a Key Vault resource is off for them
     */
    public SdkKeyVaultGateway(TokenCredential credential, List<String> trustedSuffixes, boolean customSuffix,
            Duration timeout) {
        this.credential = credential;
        this.trustedSuffixes = trustedSuffixes.stream().map(s -> s.toLowerCase(Locale.ROOT)).toList();
        this.customSuffix = customSuffix;
        this.timeout = timeout;
    }

    @Override
    public KeyVaultResponse key(String vaultUrl, String name, String version) {
        return call(vaultUrl, "GET key " + name, client -> {
            KeyVaultKey key = client.getKeyWithResponse(name, version == null ? "" : version, context()).getValue();
            return KeyVaultResponse.ok(200, summary(key));
        });
    }

    @Override
    public KeyVaultResponse rotationPolicy(String vaultUrl, String name) {
        return call(vaultUrl, "GET rotation policy of " + name,
                client -> KeyVaultResponse.ok(200, toJson(client.getKeyRotationPolicyWithResponse(name, context())
                        .getValue())));
    }

    @Override
    public KeyVaultResponse setRotationPolicy(String vaultUrl, String name, JsonObject policy) {
        return call(vaultUrl, "PUT rotation policy of " + name, client -> {
            var response = client.updateKeyRotationPolicyWithResponse(name, fromJson(policy), context());
            return KeyVaultResponse.ok(response.getStatusCode(), toJson(response.getValue()));
        });
    }

    private Context context() {
        return Context.NONE;
    }

    private interface Call {
        KeyVaultResponse send(KeyClient client);
    }

    private KeyVaultResponse call(String vaultUrl, String what, Call call) {
        URI vault;
        try {
            vault = URI.create(vaultUrl);
        } catch (IllegalArgumentException e) {
            return KeyVaultResponse.notSent("'" + vaultUrl + "' is not a URL");
        }
        String host = vault.getHost() == null ? "" : vault.getHost().toLowerCase(Locale.ROOT);
        if (!"https".equalsIgnoreCase(vault.getScheme()) || !trusted(host)) {
            return KeyVaultResponse.notSent("'" + vaultUrl + "' is not a Key Vault endpoint of this cloud (hosts under "
                    + String.join(", ", trustedSuffixes) + "; AZURE_KEY_VAULT_DNS_SUFFIX sets another)");
        }
        KeyClient client = clients.computeIfAbsent(vault.getScheme() + "://" + vault.getAuthority(), this::client);
        try {
            return call.send(client);
        } catch (HttpResponseException e) {
            int status = e.getResponse() == null ? KeyVaultResponse.NOT_SENT : e.getResponse().getStatusCode();
            return new KeyVaultResponse(status, java.util.Optional.empty(), detail(e));
        } catch (RuntimeException e) {
            throw new KeyVaultUnavailableException(what + " at " + vault.getAuthority() + " failed: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + shorten(e.getMessage())), e);
        }
    }

    private boolean trusted(String host) {
        return trustedSuffixes.stream().anyMatch(s -> host.equals(s) || host.endsWith("." + s));
    }

    private KeyClient client(String vaultUrl) {
        KeyClientBuilder builder = new KeyClientBuilder()
                .vaultUrl(vaultUrl)
                .credential(credential)
                .serviceVersion(KeyServiceVersion.V7_5)
                .retryOptions(new RetryOptions(new ExponentialBackoffOptions().setMaxRetries(2)
                        .setBaseDelay(Duration.ofMillis(300)).setMaxDelay(maxRetryWait()))
                        // The statuses the engine's reply table retries at once; a failure to connect (no
                        // response) is retried as azure-core does by default. azure-core waits a server's
                        // Retry-After whatever its length (RetryPolicy's well-known retry headers), so an answer that
                        // asks for more than the longest backoff is not retried here: it goes back to the engine,
                        // which defers the work, rather than holding the invocation (and the command line's
                        // --max-wait) for as long as the server asked.
                        .setShouldRetryCondition(AzureHttp.retryUnlessWaitExceeds(maxRetryWait())));
        if (customSuffix) {
            builder.disableChallengeResourceVerification();
        }
        return builder.buildClient();
    }

    /** The longest one retry of a request waits. */
    private Duration maxRetryWait() {
        return timeout.dividedBy(4);
    }

    /** The attributes the rule reads; never the key material beyond the modulus size. */
    static JsonObject summary(KeyVaultKey key) {
        JsonObject o = new JsonObject();
        JsonWebKey jwk = key.getKey();
        KeyProperties properties = key.getProperties();
        o.addProperty("kid", jwk != null && jwk.getId() != null ? jwk.getId() : properties.getId());
        if (jwk != null && jwk.getKeyType() != null) {
            o.addProperty("kty", jwk.getKeyType().toString());
        }
        if (jwk != null && jwk.getN() != null && jwk.getN().length > 0) {
            o.addProperty("keySize", new BigInteger(1, jwk.getN()).bitLength());
        }
        if (properties.isEnabled() != null) {
            o.addProperty("enabled", properties.isEnabled());
        }
        if (properties.getExpiresOn() != null) {
            o.addProperty("expires", properties.getExpiresOn().toInstant().toString());
        }
        if (properties.getNotBefore() != null) {
            o.addProperty("notBefore", properties.getNotBefore().toInstant().toString());
        }
        return o;
    }

    /** The SDK's policy in the Key Vault REST shape. */
    static JsonObject toJson(KeyRotationPolicy policy) {
        JsonObject o = new JsonObject();
        if (policy.getId() != null) {
            o.addProperty("id", policy.getId());
        }
        JsonArray actions = new JsonArray();
        for (KeyRotationLifetimeAction action : policy.getLifetimeActions() == null
                ? List.<KeyRotationLifetimeAction>of() : policy.getLifetimeActions()) {
            JsonObject trigger = new JsonObject();
            if (action.getTimeAfterCreate() != null) {
                trigger.addProperty("timeAfterCreate", action.getTimeAfterCreate());
            }
            if (action.getTimeBeforeExpiry() != null) {
                trigger.addProperty("timeBeforeExpiry", action.getTimeBeforeExpiry());
            }
            JsonObject type = new JsonObject();
            type.addProperty("type", action.getAction() == null ? null : action.getAction().toString());
            JsonObject a = new JsonObject();
            a.add("trigger", trigger);
            a.add("action", type);
            actions.add(a);
        }
        o.add("lifetimeActions", actions);
        JsonObject attributes = new JsonObject();
        if (policy.getExpiresIn() != null) {
            attributes.addProperty("expiryTime", policy.getExpiresIn());
        }
        o.add("attributes", attributes);
        return o;
    }

    /** A policy in the Key Vault REST shape as the SDK's model. */
    static KeyRotationPolicy fromJson(JsonObject policy) {
        List<KeyRotationLifetimeAction> actions = new ArrayList<>();
        JsonElement listed = policy.get("lifetimeActions");
        if (listed != null && listed.isJsonArray()) {
            for (JsonElement element : listed.getAsJsonArray()) {
                JsonObject a = element.getAsJsonObject();
                String type = a.getAsJsonObject("action").get("type").getAsString();
                KeyRotationLifetimeAction action = new KeyRotationLifetimeAction(KeyRotationPolicyAction.fromString(type));
                JsonObject trigger = a.has("trigger") ? a.getAsJsonObject("trigger") : new JsonObject();
                if (trigger.has("timeAfterCreate")) {
                    action.setTimeAfterCreate(trigger.get("timeAfterCreate").getAsString());
                }
                if (trigger.has("timeBeforeExpiry")) {
                    action.setTimeBeforeExpiry(trigger.get("timeBeforeExpiry").getAsString());
                }
                actions.add(action);
            }
        }
        KeyRotationPolicy result = new KeyRotationPolicy().setLifetimeActions(actions);
        JsonElement attributes = policy.get("attributes");
        if (attributes != null && attributes.isJsonObject() && attributes.getAsJsonObject().has("expiryTime")) {
            result.setExpiresIn(attributes.getAsJsonObject().get("expiryTime").getAsString());
        }
        return result;
    }

    /** The service's message (its error code and text), shortened; never request headers or tokens. */
    private static String detail(HttpResponseException e) {
        return shorten(e.getMessage() == null ? "" : e.getMessage());
    }

    private static String shorten(String text) {
        String line = text.replace('\n', ' ').replace('\r', ' ').trim();
        return line.length() <= MAX_DETAIL ? line : line.substring(0, MAX_DETAIL) + "...";
    }
}
