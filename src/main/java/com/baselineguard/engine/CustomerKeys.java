package com.baselineguard.engine;

import com.baselineguard.engine.port.ArmGateway;
import com.baselineguard.engine.port.ArmResponse;
import com.baselineguard.engine.port.KeyVaultGateway;
import com.baselineguard.engine.port.KeyVaultResponse;
import com.baselineguard.engine.port.KeyVaultUnavailableException;
import com.baselineguard.engine.port.Replies.Operation;
import com.baselineguard.engine.port.Replies.Meaning;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceId;
import com.baselineguard.model.ResourceSnapshot;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Loads what BATCH-010 needs beside a Batch account that encrypts with a customer-managed key: the
 * Key Vault holding the key ({@link RelatedKind#KEY_VAULTS}, from ARM) and a summary of the key
 * ({@link RelatedKind#KEYS}, from the Key Vault data plane), so the rule itself stays pure.
 *
 * <p>The vault is found with Azure Resource Graph by its {@code vaultUri} (the key identifier names
 * only the vault's host, and the vault may be in any subscription the identity can read), then read
 * with a GET at {@code Microsoft.KeyVault} 2023-07-01 so that soft delete and purge protection are
 * current, not Resource Graph's copy.
 *
 * <p>The key summary (documented in docs/rules/BATCH-010.md):
 * <pre>{"keyIdentifier": "https://{vault}/keys/{name}", "observedAt": "...Z", "read": "ok | not_found | error",
 *  "error": "...", "key": {"kid", "kty", "keySize", "enabled", "expires", "daysToExpiry"},
 *  "rotationPolicy": {Key Vault REST shape} | null, "rotationPolicyError": "..."}</pre>
 * {@code daysToExpiry} is computed here from the clock, since rules have none. The two are separate
 * entries of {@link RelatedReads}: each is read when a running rule needs it.
 */
final class CustomerKeys {

    private static final String KEY_SOURCE = "properties.encryption.keySource";
    private static final String KEY_IDENTIFIER = "properties.encryption.keyVaultProperties.keyIdentifier";
    /** A host[:port] safe to quote in a Resource Graph query. */
    private static final Pattern AUTHORITY = Pattern.compile("[A-Za-z0-9.-]{1,253}(:[0-9]{1,5})?");

    private CustomerKeys() {
    }

    /** The key identifier of an account that uses a customer-managed key, when it names one. */
    static Optional<URI> keyIdentifier(ResourceSnapshot snapshot) {
        if (!snapshot.string(KEY_SOURCE).map("Microsoft.KeyVault"::equalsIgnoreCase).orElse(false)) {
            return Optional.empty();
        }
        return snapshot.string(KEY_IDENTIFIER).filter(k -> !k.isBlank()).flatMap(k -> {
            try {
                URI uri = URI.create(k.trim());
                return uri.getAuthority() != null && segments(uri).size() >= 2
                        && segments(uri).get(0).equalsIgnoreCase("keys") ? Optional.of(uri) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    /**
     * The snapshot with the Key Vault holding the account's key, when the account names one and the vault is
     * found (Resource Graph by vault URI, then the vault's GET). A refused lookup leaves the vaults not loaded
     * and says why; an answer to retry later defers the invocation ({@link RelatedReads.Read#unless}).
     */
    static RelatedReads.Read withVault(ResourceSnapshot snapshot, ArmGateway arm) {
        Optional<URI> identifier = keyIdentifier(snapshot);
        if (identifier.isEmpty() || !AUTHORITY.matcher(identifier.get().getAuthority()).matches()) {
            return RelatedReads.Read.loaded(snapshot);
        }
        URI key = identifier.get();
        String vaultUri = "https://" + key.getAuthority() + "/";
        String query = "resources | where type =~ 'microsoft.keyvault/vaults'"
                + " | where properties.vaultUri =~ '" + vaultUri + "' or properties.vaultUri =~ '"
                + vaultUri.substring(0, vaultUri.length() - 1) + "' | project id, properties";
        ArmResponse found = arm.resourceGraph(query, List.of(), List.of(), 5, null);
        Optional<RelatedReads.Read> refused = RelatedReads.Read.unless(snapshot, found, "Resource Graph");
        if (refused.isPresent()) {
            return refused.get();
        }
        JsonElement data = found.object().map(o -> o.get("data")).orElse(null);
        if (data == null || !data.isJsonArray()) {
            return RelatedReads.Read.notLoaded(snapshot, "Resource Graph's answer has no \"data\" list");
        }
        List<JsonObject> vaults = new ArrayList<>();
        for (JsonElement row : data.getAsJsonArray()) {
            Optional<ResourceId> id = vaultId(row, key.getHost());
            if (id.isEmpty()) {
                continue;
            }
            ArmResponse vault = arm.get(id.get());
            if (Reply.of(vault).meaning(Operation.READ) == Meaning.GONE) {
                continue; // deleted since Resource Graph saw it
            }
            Optional<RelatedReads.Read> vaultRefused = RelatedReads.Read.unless(snapshot, vault, "the vault's read");
            if (vaultRefused.isPresent()) {
                return vaultRefused.get();
            }
            vault.object().ifPresent(vaults::add);
        }
        return RelatedReads.Read.loaded(vaults.isEmpty() ? snapshot : snapshot.withRelated(RelatedKind.KEY_VAULTS, vaults));
    }

    /** The id of a Resource Graph row that is the vault with this host (rows are checked, not trusted). */
    private static Optional<ResourceId> vaultId(JsonElement row, String host) {
        if (!row.isJsonObject()) {
            return Optional.empty();
        }
        JsonObject object = row.getAsJsonObject();
        JsonElement properties = object.get("properties");
        JsonElement uri = properties != null && properties.isJsonObject() ? properties.getAsJsonObject().get("vaultUri") : null;
        JsonElement id = object.get("id");
        if (uri == null || !uri.isJsonPrimitive() || id == null || !id.isJsonPrimitive()) {
            return Optional.empty();
        }
        try {
            String vaultHost = URI.create(uri.getAsString().trim()).getHost();
            ResourceId resourceId = ResourceId.parse(id.getAsString());
            return host.equalsIgnoreCase(vaultHost) && resourceId.type().equalsIgnoreCase("Microsoft.KeyVault/vaults")
                    ? Optional.of(resourceId) : Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The snapshot with the summary of the account's key from the Key Vault data plane, when the account names one. */
    static ResourceSnapshot withKey(ResourceSnapshot snapshot, KeyVaultGateway keyVault, Clock clock) {
        Optional<URI> identifier = keyIdentifier(snapshot);
        if (identifier.isEmpty()) {
            return snapshot;
        }
        URI key = identifier.get();
        List<String> segments = segments(key);
        String name = segments.get(1);
        String version = segments.size() >= 3 ? segments.get(2) : null;
        String vaultUrl = "https://" + key.getAuthority();
        Instant now = clock.instant();
        JsonObject summary = new JsonObject();
        summary.addProperty("keyIdentifier", vaultUrl + "/keys/" + name);
        summary.addProperty("observedAt", now.toString());
        try {
            KeyVaultResponse read = keyVault.key(vaultUrl, name, version);
            if (meaning(read) == Meaning.GONE) {
                summary.addProperty("read", "not_found");
                return snapshot.withRelated(RelatedKind.KEYS, List.of(summary));
            }
            if (meaning(read) != Meaning.DONE || read.body().isEmpty()) {
                summary.addProperty("read", "error");
                summary.addProperty("error", "GET key: " + read.describe());
                return snapshot.withRelated(RelatedKind.KEYS, List.of(summary));
            }
            summary.addProperty("read", "ok");
            JsonObject attributes = read.body().get().deepCopy();
            daysUntil(attributes, now).ifPresent(days -> attributes.addProperty("daysToExpiry", days));
            summary.add("key", attributes);
            KeyVaultResponse policy = keyVault.rotationPolicy(vaultUrl, name);
            if (meaning(policy) == Meaning.GONE) {
                summary.add("rotationPolicy", JsonNull.INSTANCE);
            } else if (meaning(policy) == Meaning.DONE && policy.body().isPresent()) {
                summary.add("rotationPolicy", policy.body().get());
            } else {
                summary.addProperty("rotationPolicyError", "GET rotation policy: " + policy.describe());
            }
        } catch (KeyVaultUnavailableException e) {
            summary.addProperty("read", "error");
            summary.addProperty("error", e.getMessage());
        }
        return snapshot.withRelated(RelatedKind.KEYS, List.of(summary));
    }

    private static Meaning meaning(KeyVaultResponse read) {
        return Reply.of(read).meaning(Operation.READ);
    }

    /** Whole days from now to the key's expiry, negative once expired; empty when it never expires. */
    private static Optional<Long> daysUntil(JsonObject attributes, Instant now) {
        JsonElement expires = attributes.get("expires");
        if (expires == null || !expires.isJsonPrimitive()) {
            return Optional.empty();
        }
        try {
            Duration left = Duration.between(now, Instant.parse(expires.getAsString()));
            return Optional.of(left.isNegative() ? -1 - left.negated().toDays() : left.toDays());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static List<String> segments(URI uri) {
        return uri.getPath() == null ? List.of()
                : Arrays.stream(uri.getPath().split("/")).filter(s -> !s.isBlank()).toList();
    }
}
