package com.baselineguard.rules.batch;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.AbstractRule;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * BATCH-011: no Batch account certificates, a feature retired on 2024-02-29
 * (https://learn.microsoft.com/azure/batch/batch-certificate-migration-guide). Detect only.
 */
public final class BatchLegacyCertificates extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BATCH-011", "Batch.LegacyCertificates")
            .resourceType(ResourceType.BATCH_ACCOUNT)
            .severity(Severity.LOW)
            .controls("DP-7")
            .synopsis("Azure Batch accounts should not use Batch certificates, retired on 2024-02-29; use Key Vault"
                    + " with pool managed identities instead.")
            .recommendation("Move pools to the Azure Key Vault VM extension with a pool user-assigned identity and"
                    + " delete leftover Batch account certificates.")
            .fixClass(FixClass.NONE)
            .build();

    private static final JsonPath NAME = JsonPath.of("name");
    private static final int NAMES_SHOWN = 3;

    public BatchLegacyCertificates() {
        super(METADATA);
    }

    @Override
    public Set<RelatedKind> relatedData() {
        return Set.of(RelatedKind.CERTIFICATES);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        // The 2025-06-01 API no longer models certificates; they are listed with 2024-07-01
        // (specification/batch/resource-manager/Microsoft.Batch/Batch/stable/2024-07-01/openapi.json).
        Optional<List<JsonObject>> certificates = resource.related(RelatedKind.CERTIFICATES);
        if (certificates.isEmpty()) {
            return Evaluation.notEvaluated("the snapshot does not carry the account's certificates ("
                    + RelatedKind.CERTIFICATES.description() + ", listed with api-version 2024-07-01)");
        }
        if (certificates.get().isEmpty()) {
            return Evaluation.pass("the account has no Batch certificates");
        }
        List<String> names = certificates.get().stream().map(c -> NAME.readString(c).orElse("?")).toList();
        String shown = String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())))
                + (names.size() > NAMES_SHOWN ? ", ..." : "");
        return Evaluation.fail("the account has " + names.size() + " Batch certificate(s) (" + shown
                + "), a feature retired on 2024-02-29");
    }
}
