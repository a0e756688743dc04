package com.baselineguard.rules.batch;

import static com.baselineguard.testing.RuleHarness.assertConverges;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.engine.PlanStep;
import com.baselineguard.engine.Planner;
import com.baselineguard.engine.RemediationPlan;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.math.BigInteger;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCmkKeyManagementTest {

    private static final String VERSIONLESS = "https://sample-vault.vault.azure.net/keys/batchkey";
    private static final String VERSIONED = VERSIONLESS + "/4df6e2a8d1a24e3b9b2f3c5c0d3e8f71";
    private static final String NO_KEY_DATA = "the snapshot does not carry the key batchkey in Key Vault"
            + " sample-vault.vault.azure.net (Key Vault key attributes and rotation policy), so its state, type, size,"
            + " expiry and rotation policy are not checked";

    private final BatchCmkKeyManagement rule = new BatchCmkKeyManagement();

    /** The published account with a customer-managed key in the published vault (sample-vault). */
    private static ResourceSnapshot withKey(String keyIdentifier) {
        return Fixtures.with(Accounts.get(), "properties.encryption", Fixtures.parse(
                "{\"keySource\":\"Microsoft.KeyVault\",\"keyVaultProperties\":{\"keyIdentifier\":\"" + keyIdentifier
                        + "\"}}"));
    }

    /** The published vault (which sets neither property) with the two protections as given; null leaves one out. */
    private static JsonObject vault(Boolean softDelete, Boolean purgeProtection) {
        JsonObject vault = Fixtures.json("Microsoft.KeyVault/vaults/2024-11-01_getVault.json").getAsJsonObject();
        JsonObject properties = vault.getAsJsonObject("properties");
        if (softDelete != null) {
            properties.addProperty("enableSoftDelete", softDelete);
        }
        if (purgeProtection != null) {
            properties.addProperty("enablePurgeProtection", purgeProtection);
        }
        return vault;
    }

    /**
     * The key summary the engine loads, from the published GetKey (RSA, 2048-bit modulus, enabled, no
     * expiry) and GetKeyRotationPolicy (Rotate 90 days after creation) examples.
     */
    static JsonObject keySummary() {
        JsonObject published = Fixtures.json("Microsoft.KeyVault/keys/7.5_GetKey.json").getAsJsonObject();
        JsonObject jwk = published.getAsJsonObject("key");
        JsonObject key = new JsonObject();
        key.addProperty("kid", VERSIONLESS + "/78deebed173b48e48f55abf87ed4cf71");
        key.addProperty("kty", jwk.get("kty").getAsString());
        key.addProperty("keySize", new BigInteger(1, Base64.getUrlDecoder().decode(jwk.get("n").getAsString())).bitLength());
        key.addProperty("enabled", published.getAsJsonObject("attributes").get("enabled").getAsBoolean());
        JsonObject summary = new JsonObject();
        summary.addProperty("keyIdentifier", VERSIONLESS);
        summary.addProperty("observedAt", "2026-01-10T00:00:00Z");
        summary.addProperty("read", "ok");
        summary.add("key", key);
        summary.add("rotationPolicy", Fixtures.json("Microsoft.KeyVault/keys/7.5_GetKeyRotationPolicy.json"));
        return summary;
    }

    private static ResourceSnapshot inVault(String keyIdentifier, JsonObject vault) {
        return Fixtures.related(withKey(keyIdentifier), RelatedKind.KEY_VAULTS, List.of(vault));
    }

    private static ResourceSnapshot loaded(JsonObject summary) {
        return Fixtures.related(inVault(VERSIONLESS, vault(true, true)), RelatedKind.KEYS, List.of(summary));
    }

    @Test
    void notApplicableWithMicrosoftManagedKeys() {
        var evaluation = assertStatus(Status.NOT_APPLICABLE, rule, Accounts.get());
        assertEquals("properties.encryption.keySource is not set (Microsoft.Batch), so the account uses no"
                + " customer-managed key", evaluation.reason());
    }

    @Test
    void notEvaluatedWhenNeitherVaultNorKeyIsLoaded() {
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, withKey(VERSIONLESS));
        assertEquals("the snapshot does not carry the Key Vault sample-vault.vault.azure.net"
                + " (Microsoft.KeyVault/vaults), so its soft delete and purge protection are not checked; " + NO_KEY_DATA,
                evaluation.reason());
    }

    @Test
    void notEvaluatedWhenOnlyAnotherVaultIsLoaded() {
        JsonObject other = vault(true, true);
        other.getAsJsonObject("properties").addProperty("vaultUri", "https://other-vault.vault.azure.net");
        assertStatus(Status.NOT_EVALUATED, rule, Fixtures.related(inVault(VERSIONLESS, other), RelatedKind.KEYS,
                List.of(keySummary())));
    }

    @Test
    void notEvaluatedWhenTheKeyIsNotLoaded() {
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, inVault(VERSIONLESS, vault(true, true)));
        assertEquals(NO_KEY_DATA, evaluation.reason());
    }

    @Test
    void passesWithAVersionlessHealthyRotatedKeyInAProtectedVault() {
        var evaluation = assertStatus(Status.PASS, rule, loaded(keySummary()));
        assertEquals("the versionless key batchkey is in Key Vault sample-vault.vault.azure.net, which has soft delete"
                + " and purge protection enabled; the key is enabled, RSA 2048 bits (3072 recommended), no expiry date,"
                + " rotation policy rotates it", evaluation.reason());
    }

    @Test
    void failsWhenThePublishedVaultDoesNotShowEitherProtection() {
        ResourceSnapshot snapshot = Fixtures.related(inVault(VERSIONLESS, vault(null, null)), RelatedKind.KEYS,
                List.of(keySummary()));
        var evaluation = assertStatus(Status.FAIL, rule, snapshot);
        assertEquals("Key Vault sample-vault.vault.azure.net properties.enableSoftDelete is not set (unverified in the"
                + " snapshot); expected true; Key Vault sample-vault.vault.azure.net properties.enablePurgeProtection"
                + " is not set (unverified in the snapshot); expected true", evaluation.reason());
        assertTrue(evaluation.fix().isEmpty(), "vault settings are not Baseline Guard's to change");
    }

    @Test
    void failsWithoutPurgeProtection() {
        ResourceSnapshot snapshot = Fixtures.related(inVault(VERSIONLESS, vault(true, false)), RelatedKind.KEYS,
                List.of(keySummary()));
        var evaluation = assertStatus(Status.FAIL, rule, snapshot);
        assertEquals("Key Vault sample-vault.vault.azure.net properties.enablePurgeProtection is false; expected true",
                evaluation.reason());
    }

    @Test
    void failsWithAVersionedKeyEvenInAProtectedVault() {
        ResourceSnapshot snapshot = Fixtures.related(inVault(VERSIONED, vault(true, true)), RelatedKind.KEYS,
                List.of(keySummary()));
        var evaluation = assertStatus(Status.FAIL, rule, snapshot);
        assertEquals("properties.encryption.keyVaultProperties.keyIdentifier names key version"
                + " 4df6e2a8d1a24e3b9b2f3c5c0d3e8f71, which pins the key and prevents automatic rotation; reference it"
                + " without the version", evaluation.reason());
    }

    @Test
    void failsWithAVersionedKeyWhenNothingIsLoaded() {
        var evaluation = assertStatus(Status.FAIL, rule, withKey(VERSIONED));
        assertTrue(evaluation.reason().contains("so its soft delete and purge protection are not checked"),
                evaluation.reason());
        assertTrue(evaluation.reason().endsWith(NO_KEY_DATA), evaluation.reason());
    }

    @Test
    void failsWhenTheKeyDoesNotExist() {
        JsonObject missing = keySummary();
        missing.addProperty("read", "not_found");
        missing.remove("key");
        missing.remove("rotationPolicy");
        var evaluation = assertStatus(Status.FAIL, rule, loaded(missing));
        assertEquals("the key batchkey in Key Vault sample-vault.vault.azure.net does not exist (Key Vault answered"
                + " 404); Batch cannot use a missing key", evaluation.reason());
        assertTrue(evaluation.fix().isEmpty(), "no policy for a key that is not there");
    }

    @Test
    void notEvaluatedWhenTheKeyCannotBeRead() {
        JsonObject denied = keySummary();
        denied.addProperty("read", "error");
        denied.addProperty("error", "GET key: HTTP 403 (Forbidden)");
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, loaded(denied));
        assertEquals("the key batchkey in Key Vault sample-vault.vault.azure.net could not be read (GET key: HTTP 403"
                + " (Forbidden)), so its state, type, size, expiry and rotation policy are not checked", evaluation.reason());
    }

    @Test
    void failsWhenTheKeyIsDisabled() {
        JsonObject disabled = keySummary();
        disabled.getAsJsonObject("key").addProperty("enabled", false);
        var evaluation = assertStatus(Status.FAIL, rule, loaded(disabled));
        assertEquals("the key batchkey in Key Vault sample-vault.vault.azure.net is disabled (attributes.enabled is"
                + " false); Batch cannot use a disabled key", evaluation.reason());
    }

    @Test
    void failsWhenTheKeyHasExpired() {
        JsonObject expired = keySummary();
        expired.getAsJsonObject("key").addProperty("expires", "2026-01-01T00:00:00Z");
        expired.getAsJsonObject("key").addProperty("daysToExpiry", -10);
        var evaluation = assertStatus(Status.FAIL, rule, loaded(expired));
        assertEquals("the key batchkey in Key Vault sample-vault.vault.azure.net expired on 2026-01-01T00:00:00Z; Batch"
                + " cannot use an expired key", evaluation.reason());
    }

    @Test
    void failsWithinTheExpiryWarningWindowAndPassesOutsideIt() {
        JsonObject soon = keySummary();
        soon.getAsJsonObject("key").addProperty("expires", "2026-01-30T00:00:00Z");
        soon.getAsJsonObject("key").addProperty("daysToExpiry", 20);
        var evaluation = assertStatus(Status.FAIL, rule, loaded(soon));
        assertEquals("the key batchkey in Key Vault sample-vault.vault.azure.net expires on 2026-01-30T00:00:00Z, in 20"
                + " days (within the 30-day warning window)", evaluation.reason());
        assertStatus(Status.PASS, rule, loaded(soon), RuleSettings.defaults().withKeyManagement(14, 30));
    }

    @Test
    void failsWithASmallOrNonRsaKey() {
        JsonObject small = keySummary();
        small.getAsJsonObject("key").addProperty("keySize", 1024);
        assertEquals("the key batchkey in Key Vault sample-vault.vault.azure.net is RSA of 1024 bits; use 2048 bits or"
                + " more (3072 recommended)", assertStatus(Status.FAIL, rule, loaded(small)).reason());
        JsonObject ec = keySummary();
        ec.getAsJsonObject("key").addProperty("kty", "EC");
        ec.getAsJsonObject("key").remove("keySize");
        assertEquals("the key batchkey in Key Vault sample-vault.vault.azure.net has key type EC; Batch customer-managed"
                + " keys must be RSA or RSA-HSM of 2048 bits or more (3072 recommended)",
                assertStatus(Status.FAIL, rule, loaded(ec)).reason());
        JsonObject large = keySummary();
        large.getAsJsonObject("key").addProperty("kty", "RSA-HSM");
        large.getAsJsonObject("key").addProperty("keySize", 3072);
        assertTrue(assertStatus(Status.PASS, rule, loaded(large)).reason().contains("RSA-HSM 3072 bits,"));
    }

    @Test
    void aKeyWithoutARotationPolicyGetsOneThatRotatesBeforeExpiry() {
        JsonObject noPolicy = keySummary();
        noPolicy.add("rotationPolicy", JsonNull.INSTANCE);
        Evaluation evaluation = assertStatus(Status.FAIL, rule, loaded(noPolicy));
        assertEquals("the key batchkey in Key Vault sample-vault.vault.azure.net has no rotation policy, so it is never"
                + " rotated automatically", evaluation.reason());
        RemediationPlan plan = assertConverges(rule, loaded(noPolicy), RuleSettings.defaults());
        PlanStep step = plan.steps().get(0);
        assertEquals("PUT", step.method());
        assertEquals(VERSIONLESS + "/rotationpolicy", step.target());
        assertEquals(Fixtures.parse("{\"lifetimeActions\":[{\"trigger\":{\"timeBeforeExpiry\":\"P30D\"},"
                + "\"action\":{\"type\":\"Rotate\"}}],\"attributes\":{\"expiryTime\":\"P1Y\"}}"), step.body());
    }

    @Test
    void aNotifyOnlyPolicyKeepsItsNotificationAndLifetimeAndGainsRotation() {
        JsonObject notifyOnly = keySummary();
        notifyOnly.add("rotationPolicy", Fixtures.parse("{\"id\":\"" + VERSIONLESS + "/rotationpolicy\","
                + "\"lifetimeActions\":[{\"trigger\":{\"timeBeforeExpiry\":\"P30D\"},\"action\":{\"type\":\"Notify\"}}],"
                + "\"attributes\":{\"expiryTime\":\"P2Y\"}}"));
        Evaluation evaluation = assertStatus(Status.FAIL, rule, loaded(notifyOnly));
        assertEquals("the rotation policy of the key batchkey in Key Vault sample-vault.vault.azure.net has no Rotate"
                + " action (only Notify), so it is never rotated automatically", evaluation.reason());
        RemediationPlan plan = assertConverges(rule, loaded(notifyOnly), RuleSettings.defaults().withKeyManagement(30, 45));
        assertEquals(Fixtures.parse("{\"lifetimeActions\":[{\"trigger\":{\"timeBeforeExpiry\":\"P45D\"},"
                + "\"action\":{\"type\":\"Rotate\"}},{\"trigger\":{\"timeBeforeExpiry\":\"P30D\"},"
                + "\"action\":{\"type\":\"Notify\"}}],\"attributes\":{\"expiryTime\":\"P2Y\"}}"),
                plan.steps().get(0).body());
    }

    @Test
    void theRotationFixIsBlockedWhileTheAccountPinsAVersion() {
        JsonObject noPolicy = keySummary();
        noPolicy.add("rotationPolicy", JsonNull.INSTANCE);
        ResourceSnapshot pinned = Fixtures.related(inVault(VERSIONED, vault(true, true)), RelatedKind.KEYS,
                List.of(noPolicy));
        Evaluation evaluation = assertStatus(Status.FAIL, rule, pinned);
        assertTrue(evaluation.fix().orElseThrow().blocked());
        assertTrue(new Planner().plan(pinned, List.of(rule), RuleSettings.defaults()).isEmpty());
    }
}
