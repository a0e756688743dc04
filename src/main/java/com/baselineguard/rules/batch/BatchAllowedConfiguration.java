package com.baselineguard.rules.batch;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.AbstractRule;
import java.util.Locale;
import java.util.Optional;

/**
 * BATCH-013: the account is in an allowed region. Detect only: location and poolAllocationMode are create-only (the
 * Batch 2025-06-01 REST spec's account update takes neither), so an account outside the allow-list has to be recreated.
 */
public final class BatchAllowedConfiguration extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BATCH-013", "Batch.AllowedConfiguration")
            .resourceType(ResourceType.BATCH_ACCOUNT)
            .severity(Severity.LOW)
            .controls("AM-2")
            .synopsis("Azure Batch accounts and their pools should use only the regions, pool allocation modes and VM"
                    + " sizes in the organisation allow-lists.")
            .recommendation("Create Batch accounts only in approved regions and pool allocation modes and size pools"
                    + " with approved VM sizes; recreate resources that fall outside.")
            .fixClass(FixClass.NONE)
            .build();

    public BatchAllowedConfiguration() {
        super(METADATA);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        Optional<String> location = resource.string("location").filter(l -> !l.isBlank());
        String mode = "; poolAllocationMode is " + resource.string("properties.poolAllocationMode")
                .orElse("not set (BatchService)");
        if (settings.allowedLocations().isEmpty()) {
            return Evaluation.notEvaluated("no allowed locations are configured (setting BG_ALLOWED_LOCATIONS);"
                    + " location is "
                    + location.orElse("not set") + mode);
        }
        if (location.isEmpty()) {
            return Evaluation.fail("location is not set" + mode);
        }
        boolean allowed = settings.allowedLocations().stream()
                .anyMatch(a -> normalised(a).equals(normalised(location.get())));
        if (allowed) {
            return Evaluation.pass("location " + location.get() + " is an allowed location" + mode);
        }
        return Evaluation.fail("location " + location.get() + " is not in the allowed locations ("
                + String.join(", ", settings.allowedLocations()) + ")" + mode);
    }

    /** "West Europe" and "westeurope" name the same region. */
    private static String normalised(String location) {
        return location.replace(" ", "").toLowerCase(Locale.ROOT);
    }
}
