package com.baselineguard.rules.batch;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonElement;
import java.util.Optional;

/** BATCH-007: the account has a managed identity. */
public final class BatchManagedIdentity extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BATCH-007", "Batch.ManagedIdentity")
            .resourceType(ResourceType.BATCH_ACCOUNT)
            .severity(Severity.MEDIUM)
            .controls("IM-3")
            .synopsis("Azure Batch accounts should have a managed identity, needed for customer-managed keys and"
                    + " keyless auto-storage access.")
            .recommendation("Enable a system-assigned managed identity on the Batch account, or assign a user-assigned"
                    + " identity.")
            .fixClass(FixClass.SAFE)
            .precondition("identity is absent or None")
            .build();

    static final String PATH = "identity.type";

    private static final PropertyCheck CHECK = PropertyCheck.at(PATH)
            .expect("SystemAssigned or UserAssigned", BatchManagedIdentity::assigned)
            .whenAbsent(false, "no managed identity")
            .fixTo(Values.string("SystemAssigned"), FixStage.IDENTITY);

    public BatchManagedIdentity() {
        super(METADATA, CHECK);
    }

    /** True when the account has an identity; shared with BATCH-008, whose fix needs one. */
    static boolean hasIdentity(ResourceSnapshot resource) {
        return resource.value(PATH).filter(BatchManagedIdentity::assigned).isPresent();
    }

    private static boolean assigned(JsonElement type) {
        return Values.textEquals(type, "SystemAssigned") || Values.textEquals(type, "UserAssigned");
    }

    /**
     * The Batch identity enum has no combined value (Batch 2025-06-01 REST spec: None, SystemAssigned,
     * UserAssigned), so setting SystemAssigned over any other value would drop it: the fix only replaces absent or None.
     */
    @Override
    protected Optional<String> blocker(ResourceSnapshot resource, RuleSettings settings) {
        return resource.value(PATH).filter(t -> !Values.textEquals(t, "None"))
                .map(t -> "identity.type is " + Values.display(t) + ", which is not a Batch identity type;"
                        + " Baseline Guard does not overwrite it");
    }
}
