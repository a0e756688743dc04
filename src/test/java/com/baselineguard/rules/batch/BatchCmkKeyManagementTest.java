package com.baselineguard.rules.batch;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import com.google.gson.JsonObject;
import java.util.List;
import org.junit.jupiter.api.Test;

class BatchCmkKeyManagementTest {

    private static final String VERSIONLESS = "https://sample-vault.vault.azure.net/keys/batchkey";
    private static final String VERSIONED = VERSIONLESS + "/4df6e2a8d1a24e3b9b2f3c5c0d3e8f71";

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

    private static ResourceSnapshot inVault(String keyIdentifier, JsonObject vault) {
        return Fixtures.related(withKey(keyIdentifier), RelatedKind.KEY_VAULTS, List.of(vault));
    }

    @Test
    void notApplicableWithMicrosoftManagedKeys() {
        var evaluation = assertStatus(Status.NOT_APPLICABLE, rule, Accounts.get());
        assertEquals("properties.encryption.keySource is not set (Microsoft.Batch), so the account uses no"
                + " customer-managed key", evaluation.reason());
    }

    @Test
    void notEvaluatedWhenTheVaultIsNotLoaded() {
        var evaluation = assertStatus(Status.NOT_EVALUATED, rule, withKey(VERSIONLESS));
        assertEquals("the snapshot does not carry the Key Vault sample-vault.vault.azure.net"
                + " (Microsoft.KeyVault/vaults), so its soft delete and purge protection are not checked",
                evaluation.reason());
    }

    @Test
    void notEvaluatedWhenOnlyAnotherVaultIsLoaded() {
        JsonObject other = vault(true, true);
        other.getAsJsonObject("properties").addProperty("vaultUri", "https://other-vault.vault.azure.net");
        assertStatus(Status.NOT_EVALUATED, rule, inVault(VERSIONLESS, other));
    }

    @Test
    void passesWithAVersionlessKeyInAProtectedVault() {
        var evaluation = assertStatus(Status.PASS, rule, inVault(VERSIONLESS, vault(true, true)));
        assertEquals("the versionless key is in Key Vault sample-vault.vault.azure.net, which has soft delete and"
                + " purge protection enabled", evaluation.reason());
    }

    @Test
    void failsWhenThePublishedVaultDoesNotShowEitherProtection() {
        var evaluation = assertStatus(Status.FAIL, rule, inVault(VERSIONLESS, vault(null, null)));
        assertEquals("Key Vault sample-vault.vault.azure.net properties.enableSoftDelete is not set (unverified in the"
                + " snapshot); expected true; Key Vault sample-vault.vault.azure.net properties.enablePurgeProtection"
                + " is not set (unverified in the snapshot); expected true", evaluation.reason());
    }

    @Test
    void failsWithoutPurgeProtection() {
        var evaluation = assertStatus(Status.FAIL, rule, inVault(VERSIONLESS, vault(true, false)));
        assertEquals("Key Vault sample-vault.vault.azure.net properties.enablePurgeProtection is false; expected true",
                evaluation.reason());
    }

    @Test
    void failsWithAVersionedKeyEvenInAProtectedVault() {
        var evaluation = assertStatus(Status.FAIL, rule, inVault(VERSIONED, vault(true, true)));
        assertEquals("properties.encryption.keyVaultProperties.keyIdentifier names key version"
                + " 4df6e2a8d1a24e3b9b2f3c5c0d3e8f71, which pins the key and prevents automatic rotation; reference it"
                + " without the version", evaluation.reason());
    }

    @Test
    void failsWithAVersionedKeyWhenTheVaultIsNotLoaded() {
        var evaluation = assertStatus(Status.FAIL, rule, withKey(VERSIONED));
        assertEquals(true, evaluation.reason().endsWith("so its soft delete and purge protection are not checked"),
                evaluation.reason());
    }
}
