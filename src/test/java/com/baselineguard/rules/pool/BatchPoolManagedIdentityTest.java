package com.baselineguard.rules.pool;

import static com.baselineguard.rules.pool.BatchPoolFixtures.CUSTOMER_MANAGED_KEY;
import static com.baselineguard.rules.pool.BatchPoolFixtures.POOL_GET;
import static com.baselineguard.rules.pool.BatchPoolFixtures.VM_PATH;
import static com.baselineguard.rules.pool.BatchPoolFixtures.pool;
import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * No published pool example has mounts or container registries, so those values are hand-made, minimal,
 * and use only member names from the 2025-06-01 REST spec; secrets are absent, as in a GET.
 */
class BatchPoolManagedIdentityTest {

    private static final String UAMI = "/subscriptions/12345678-1234-1234-1234-123456789012/resourceGroups"
            + "/default-azurebatch-japaneast/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id1";

    private final BatchPoolManagedIdentity rule = new BatchPoolManagedIdentity();

    @Test
    void passesWhenThePoolHasAUserAssignedIdentityAndNoSecrets() {
        var evaluation = assertStatus(Status.PASS, rule, pool("2025-06-01_PoolCreate_UserAssignedIdentities.json"));
        assertEquals("identity.type is \"UserAssigned\" and none of 0 mounts and 0 container registries uses a key or"
                + " password", evaluation.reason());
    }

    @Test
    void failsWithoutAnIdentity() {
        var evaluation = assertStatus(Status.FAIL, rule, pool(POOL_GET));
        assertEquals("identity is not set (the pool has no managed identity)", evaluation.reason());
        assertTrue(evaluation.fix().isEmpty(), "detect only");
    }

    @Test
    void failsWhenTheIdentityIsNone() {
        var evaluation = assertStatus(Status.FAIL, rule,
                Fixtures.with(pool(CUSTOMER_MANAGED_KEY), "identity", Fixtures.parse("{\"type\":\"None\"}")));
        assertEquals("identity.type is \"None\"; expected UserAssigned", evaluation.reason());
    }

    @Test
    void failsWhenABlobMountHasNoIdentityReference() {
        var evaluation = assertStatus(Status.FAIL, rule, withMounts("[{\"azureBlobFileSystemConfiguration\":"
                + "{\"accountName\":\"account1\",\"containerName\":\"data\",\"relativeMountPath\":\"data\"}}]"));
        assertEquals("blob mount of account 'account1' has no identityReference, so it uses an accountKey or sasKey",
                evaluation.reason());
    }

    @Test
    void passesWhenTheBlobMountUsesTheIdentityAndNfsNeedsNoCredential() {
        assertStatus(Status.PASS, rule, withMounts("[{\"azureBlobFileSystemConfiguration\":{\"accountName\":\"account1\","
                + "\"containerName\":\"data\",\"relativeMountPath\":\"data\",\"identityReference\":{\"resourceId\":\""
                + UAMI + "\"}}},{\"nfsMountConfiguration\":{\"source\":\"10.0.0.4:/share\",\"relativeMountPath\":\"nfs\"}}]"));
    }

    @Test
    void failsOnAzureFilesAndCifsMountsWhichHaveNoIdentityOption() {
        var evaluation = assertStatus(Status.FAIL, rule, withMounts("[{\"azureFileShareConfiguration\":{"
                + "\"accountName\":\"account1\",\"azureFileUrl\":\"https://account1.file.core.windows.net/share\","
                + "\"relativeMountPath\":\"files\"}},{\"cifsMountConfiguration\":{\"userName\":\"user\","
                + "\"source\":\"//server/share\",\"relativeMountPath\":\"cifs\"}}]"));
        assertEquals("Azure Files mount 'https://account1.file.core.windows.net/share' uses an accountKey; CIFS mount"
                + " '//server/share' uses a password", evaluation.reason());
    }

    @Test
    void failsWhenAContainerRegistryUsesAUsername() {
        ResourceSnapshot registry = Fixtures.with(pool(CUSTOMER_MANAGED_KEY), VM_PATH + ".containerConfiguration",
                Fixtures.parse("{\"type\":\"DockerCompatible\",\"containerRegistries\":[{\"registryServer\":"
                        + "\"myregistry.azurecr.io\",\"username\":\"pull\"},{\"registryServer\":\"other.azurecr.io\","
                        + "\"identityReference\":{\"resourceId\":\"" + UAMI + "\"}}]}"));
        var evaluation = assertStatus(Status.FAIL, rule, registry);
        assertEquals("container registry 'myregistry.azurecr.io' uses a username and password instead of an"
                + " identityReference", evaluation.reason());
    }

    /** The published pool with a UserAssigned identity, given mounts. */
    private static ResourceSnapshot withMounts(String mounts) {
        return Fixtures.with(pool(CUSTOMER_MANAGED_KEY), "properties.mountConfiguration", Fixtures.parse(mounts));
    }
}
