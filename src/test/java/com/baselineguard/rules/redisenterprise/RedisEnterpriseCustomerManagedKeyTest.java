package com.baselineguard.rules.redisenterprise;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class RedisEnterpriseCustomerManagedKeyTest {

    private final RedisEnterpriseCustomerManagedKey rule = new RedisEnterpriseCustomerManagedKey();

    @Test
    void passesWithThePublishedCustomerManagedKey() {
        assertEquals("properties.encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl is"
                + " \"https://your-kv.vault.azure.net/keys/your-key/your-key-version\"",
                assertStatus(Status.PASS, rule, Clusters.of(Clusters.CREATED_WITH_CMK)).reason());
    }

    @Test
    void failsWithMicrosoftManagedKeys() {
        var evaluation = assertStatus(Status.FAIL, rule, Clusters.of(Clusters.CREATED));
        assertEquals("properties.encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl is not set (data at rest is"
                + " encrypted with a Microsoft-managed key); expected a Key Vault key URL", evaluation.reason());
        assertTrue(evaluation.fix().isEmpty(), "detect only");
        // "Set this to an empty object to use Microsoft-managed key encryption" (2025-07-01 REST spec).
        assertStatus(Status.FAIL, rule, Fixtures.with(Clusters.of(Clusters.CREATED),
                "properties.encryption.customerManagedKeyEncryption", Fixtures.parse("{}")));
    }
}
