package com.baselineguard.rules.pool;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;

/** BPOOL-001: the pool is deployed into a subnet of a customer virtual network. */
public final class BatchPoolVirtualNetwork extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BPOOL-001", "BatchPool.VirtualNetwork")
            .resourceType(ResourceType.BATCH_POOL)
            .severity(Severity.MEDIUM)
            .controls("NS-1")
            .synopsis("Azure Batch pools should be deployed into a subnet of a customer virtual network.")
            .recommendation("Create pools with networkConfiguration.subnetId set to a subnet whose network security"
                    + " group allows the traffic Batch requires.")
            .fixClass(FixClass.NONE)
            .build();

    // Detect only: the subnet is customer input.
    private static final PropertyCheck CHECK = PropertyCheck.at("properties.networkConfiguration.subnetId")
            .expect("a subnet resource id", v -> v.isJsonPrimitive() && !v.getAsString().isBlank())
            .whenAbsent(false, "nodes use Batch-managed networking outside any customer virtual network");

    public BatchPoolVirtualNetwork() {
        super(METADATA, CHECK);
    }
}
