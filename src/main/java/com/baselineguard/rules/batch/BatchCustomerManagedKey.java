package com.baselineguard.rules.batch;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;

/**
 * BATCH-009: data at rest is encrypted with a customer-managed key. Detect only: once Batch loses access to the key,
 * deleting the account is the only operation left (https://learn.microsoft.com/azure/batch/batch-customer-managed-key).
 */
public final class BatchCustomerManagedKey extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BATCH-009", "Batch.CustomerManagedKey")
            .resourceType(ResourceType.BATCH_ACCOUNT)
            .severity(Severity.MEDIUM)
            .controls("DP-5")
            .synopsis("Azure Batch accounts should encrypt data at rest with a customer-managed key from Azure Key"
                    + " Vault where policy requires it.")
            .recommendation("Where customer-managed keys are required, set encryption.keySource to Microsoft.KeyVault"
                    + " with a key in a vault with soft delete and purge protection.")
            .fixClass(FixClass.NONE)
            .build();

    static final String KEY_SOURCE = "properties.encryption.keySource";
    static final String KEY_VAULT = "Microsoft.KeyVault";

    // Absent means Microsoft.Batch (Microsoft-managed keys), flagged by Azure Policy
    // 99e9ccd8-3db9-4592-b0d1-14b1715a4d8a's notEquals.
    private static final PropertyCheck CHECK = PropertyCheck.at(KEY_SOURCE)
            .expect(KEY_VAULT, v -> Values.textEquals(v, KEY_VAULT))
            .whenAbsent(false, "absent means Microsoft.Batch, Microsoft-managed keys");

    public BatchCustomerManagedKey() {
        super(METADATA, CHECK);
    }
}
