package com.baselineguard.rules.batch;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import java.util.List;

/** BATCH-003: the node-management endpoint denies callers outside the allow-list. */
public final class BatchNodeManagementIpRules implements Rule {

    private static final RuleMetadata METADATA = new RuleMetadata("BATCH-003", "Batch.NodeManagementIpRules",
            ResourceType.BATCH_ACCOUNT, Severity.MEDIUM, List.of("NS-2"),
            "When public access is enabled, a Batch account node-management endpoint should deny by default"
                    + " and allow only approved IP ranges.",
            "Set networkProfile.nodeManagementAccess defaultAction to Deny with ipRules covering only approved"
                    + " ranges, including every pool's outbound public IPs.",
            FixClass.DISRUPTIVE,
            "a node-management allow-list is configured (BG_BATCH_NODE_MANAGEMENT_ALLOWED_IPS)");

    private static final EndpointIpRules CHECK = new EndpointIpRules(EndpointIpRules.NODE_MANAGEMENT_ACCESS,
            "node-management endpoint",
            RuleSettings::batchNodeManagementAllowedIps, "BG_BATCH_NODE_MANAGEMENT_ALLOWED_IPS");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Evaluation evaluate(ResourceSnapshot resource, RuleSettings settings) {
        return CHECK.evaluate(resource, settings);
    }
}
