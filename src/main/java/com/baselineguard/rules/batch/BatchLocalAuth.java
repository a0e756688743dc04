package com.baselineguard.rules.batch;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;

/** BATCH-005: the data plane accepts only Microsoft Entra ID. */
public final class BatchLocalAuth extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BATCH-005", "Batch.LocalAuth")
            .resourceType(ResourceType.BATCH_ACCOUNT)
            .severity(Severity.HIGH)
            .controls("IM-1")
            .synopsis("Azure Batch accounts should allow only Microsoft Entra ID (AAD) authentication on the data"
                    + " plane.")
            .recommendation("Set allowedAuthenticationModes to [\"AAD\"] once every client and task has stopped using"
                    + " shared keys and task authentication tokens.")
            .fixClass(FixClass.DISRUPTIVE)
            .build();

    // Azure Policy 6f68b69f-05fe-49cd-b361-777ee9ca7e35 semantics: absent, or any element other than AAD, is
    // non-compliant; the fix writes what the Modify policy 4dbc2f5c-51cf-4e38-9179-c7028eed2274 writes.
    private static final PropertyCheck CHECK = PropertyCheck.at(AuthenticationModes.PATH)
            .expect("only [\"AAD\"]", modes -> AuthenticationModes.only(modes, "AAD"))
            .whenAbsent(false, AuthenticationModes.ABSENT)
            .fixTo(AuthenticationModes.of("AAD"), FixStage.HARDENING);

    public BatchLocalAuth() {
        super(METADATA, CHECK);
    }
}
