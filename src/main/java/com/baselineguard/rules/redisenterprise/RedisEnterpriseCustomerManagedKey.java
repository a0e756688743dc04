package com.baselineguard.rules.redisenterprise;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;

/**
 * REDISENT-006: the cluster's disks are encrypted with a customer-managed key, as Azure Policy
 * 09aa11bb-87ec-409f-bf0b-49b7c1561a87 audits.
 */
public final class RedisEnterpriseCustomerManagedKey extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDISENT-006", "RedisEnterprise.CustomerManagedKey")
            .resourceType(ResourceType.REDIS_ENTERPRISE)
            .severity(Severity.LOW)
            .controls("4.8")
            .synopsis("Azure Managed Redis and Redis Enterprise clusters should encrypt data at rest with a"
                    + " customer-managed key.")
            .recommendation("Configure encryption.customerManagedKeyEncryption with a versioned Key Vault key URL and"
                    + " a user-assigned identity that can use the key.")
            .fixClass(FixClass.NONE)
            .build();

    private static final PropertyCheck CHECK =
            PropertyCheck.at("properties.encryption.customerManagedKeyEncryption.keyEncryptionKeyUrl")
                    .expect("a Key Vault key URL", v -> v.isJsonPrimitive() && !v.getAsString().isBlank())
                    .whenAbsent(false, "data at rest is encrypted with a Microsoft-managed key");

    public RedisEnterpriseCustomerManagedKey() {
        super(METADATA, CHECK);
    }
}
