package com.baselineguard.rules.batch;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.Status;
import com.baselineguard.rules.support.PrivateEndpoints;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** BATCH-001: the account and node-management endpoints are reachable only privately. */
public final class BatchPublicNetworkAccess extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BATCH-001", "Batch.PublicNetworkAccess")
            .resourceType(ResourceType.BATCH_ACCOUNT)
            .severity(Severity.HIGH)
            .controls("NS-2")
            .synopsis("Azure Batch accounts should disable public network access so the account and node-management"
                    + " endpoints are reachable only privately.")
            .recommendation("Create Approved private endpoints (batchAccount, plus nodeManagement for simplified node"
                    + " communication), then set publicNetworkAccess to Disabled.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition("at least one Approved private endpoint connection for batchAccount")
            .build();

    private static final String NODE_MANAGEMENT_NOTE = "pools that use simplified node communication also need an"
            + " Approved nodeManagement private endpoint";

    // Absent counts as Enabled: the default in the Batch 2025-06-01 spec
    // (specification/batch/resource-manager/Microsoft.Batch/Batch/stable/2025-06-01/openapi.json) and Azure Policy
    // 74c5a0ae-5e48-4738-b093-65e23a060488's notEquals Disabled.
    private static final PropertyCheck CHECK = PropertyCheck.at(BatchPublicAccess.PATH)
            .expect("Disabled or SecuredByPerimeter", BatchPublicAccess::closes)
            .whenAbsent(false, "absent means Enabled")
            .fixTo(Values.string("Disabled"), FixStage.NETWORK_ISOLATION);

    public BatchPublicNetworkAccess() {
        super(METADATA, CHECK);
    }

    /** Private endpoint connections: from the body when it carries them, else listed beside the resource. */
    @Override
    public Set<RelatedKind> relatedData() {
        return Set.of(RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS);
    }

    /** A failing account is also told what pools with simplified node communication need. */
    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        Evaluation evaluation = super.check(resource, settings);
        if (evaluation.status() != Status.FAIL) {
            return evaluation;
        }
        return new Evaluation(Status.FAIL, evaluation.reason() + "; " + NODE_MANAGEMENT_NOTE, evaluation.fix());
    }

    /**
     * Clients reach the account through the batchAccount sub-resource
     * (https://learn.microsoft.com/azure/batch/private-connectivity), so an account whose only
     * approved endpoints serve nodeManagement would lose them. Connections that do not show their
     * group ids (the published GET example omits them) are given the benefit of the doubt.
     */
    @Override
    protected Optional<String> blocker(ResourceSnapshot resource, RuleSettings settings) {
        Optional<String> none = PrivateEndpoints.blockerForDisablingPublicAccess(resource);
        if (none.isPresent()) {
            return Optional.of(none.get() + "; " + NODE_MANAGEMENT_NOTE);
        }
        List<JsonObject> approved = PrivateEndpoints.approved(resource).orElseThrow();
        boolean servesClients = approved.stream().anyMatch(c -> PrivateEndpoints.hasGroup(c, "batchAccount")
                || PrivateEndpoints.groupIds(c).isEmpty());
        if (!servesClients) {
            return Optional.of("no Approved private endpoint connection targets the batchAccount sub-resource;"
                    + " turning public access off would cut every client off");
        }
        return Optional.empty();
    }
}
