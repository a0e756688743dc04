package com.baselineguard.rules.batch;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;

/** BATCH-006: shared keys, which bypass Azure RBAC, are not accepted. */
public final class BatchSharedKeyAuth extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BATCH-006", "Batch.SharedKeyAuth")
            .resourceType(ResourceType.BATCH_ACCOUNT)
            .severity(Severity.HIGH)
            .controls("PA-7")
            .synopsis("Azure Batch accounts should not allow shared key authentication, so that data-plane access is"
                    + " governed by Azure RBAC.")
            .recommendation("Remove SharedKey from allowedAuthenticationModes, for example"
                    + " [\"AAD\",\"TaskAuthenticationToken\"], after moving all clients to Microsoft Entra ID.")
            .fixClass(FixClass.DISRUPTIVE)
            .build();

    // Keeps TaskAuthenticationToken so tasks using AZ_BATCH_AUTHENTICATION_TOKEN keep working
    // (https://learn.microsoft.com/azure/batch/batch-compute-node-environment-variables).
    private static final PropertyCheck CHECK = PropertyCheck.at(AuthenticationModes.PATH)
            .expect("no \"SharedKey\"",
                    modes -> modes.isJsonArray() && !AuthenticationModes.contains(modes, "SharedKey"))
            .whenAbsent(false, AuthenticationModes.ABSENT)
            .fixTo(AuthenticationModes.of("AAD", "TaskAuthenticationToken"), FixStage.HARDENING);

    public BatchSharedKeyAuth() {
        super(METADATA, CHECK);
    }
}
