package com.baselineguard.rules.batch;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;

/** BATCH-002: the account endpoint denies callers outside the allow-list. */
public final class BatchAccountIpRules extends EndpointIpRules {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BATCH-002", "Batch.AccountIpRules")
            .resourceType(ResourceType.BATCH_ACCOUNT)
            .severity(Severity.MEDIUM)
            .controls("NS-2")
            .synopsis("When public access is enabled, a Batch account endpoint should deny by default and allow only"
                    + " approved IP ranges.")
            .recommendation("Set networkProfile.accountAccess defaultAction to Deny with ipRules listing only approved"
                    + " IPv4 addresses or CIDR ranges, never 0.0.0.0/0.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition("an account endpoint allow-list is configured (BG_BATCH_ACCOUNT_ALLOWED_IPS)")
            .build();

    public BatchAccountIpRules() {
        super(METADATA, ACCOUNT_ACCESS, "account endpoint", RuleSettings::batchAccountAllowedIps,
                "BG_BATCH_ACCOUNT_ALLOWED_IPS");
    }
}
