package com.baselineguard.rules.batch;

import static com.baselineguard.testing.RuleHarness.assertStatus;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.baselineguard.rules.Status;
import com.baselineguard.testing.Fixtures;
import org.junit.jupiter.api.Test;

class BatchCustomerManagedKeyTest {

    private final BatchCustomerManagedKey rule = new BatchCustomerManagedKey();

    @Test
    void failsWhenThePublishedAccountHasNoEncryptionSetting() {
        var evaluation = assertStatus(Status.FAIL, rule, Accounts.get());
        assertEquals("properties.encryption.keySource is not set (absent means Microsoft.Batch, Microsoft-managed"
                + " keys); expected Microsoft.KeyVault", evaluation.reason());
        assertTrue(evaluation.fix().isEmpty(), "detect only");
    }

    @Test
    void failsWithMicrosoftManagedKeys() {
        assertStatus(Status.FAIL, rule, Fixtures.with(Accounts.get(), "properties.encryption.keySource",
                Fixtures.parse("\"Microsoft.Batch\"")));
    }

    @Test
    void passesWithAKeyVaultKey() {
        assertStatus(Status.PASS, rule, Fixtures.with(Accounts.get(), "properties.encryption.keySource",
                Fixtures.parse("\"Microsoft.KeyVault\"")));
    }
}
