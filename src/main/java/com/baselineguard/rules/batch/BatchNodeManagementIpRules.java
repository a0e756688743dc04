package com.baselineguard.rules.batch;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;

/** BATCH-003: the node-management endpoint denies callers outside the allow-list. */
public final class BatchNodeManagementIpRules extends EndpointIpRules {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BATCH-003", "Batch.NodeManagementIpRules")
            .resourceType(ResourceType.BATCH_ACCOUNT)
            .severity(Severity.MEDIUM)
            .controls("NS-2")
            .synopsis("When public access is enabled, a Batch account node-management endpoint should deny by default"
                    + " and allow only approved IP ranges.")
            .recommendation("Set networkProfile.nodeManagementAccess defaultAction to Deny with ipRules covering only"
                    + " approved ranges, including every pool's outbound public IPs.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition("a node-management allow-list is configured (BG_BATCH_NODE_MANAGEMENT_ALLOWED_IPS)")
            .build();

    public BatchNodeManagementIpRules() {
        super(METADATA, NODE_MANAGEMENT_ACCESS, "node-management endpoint", RuleSettings::batchNodeManagementAllowedIps,
                "BG_BATCH_NODE_MANAGEMENT_ALLOWED_IPS");
    }
}
