package com.baselineguard.rules.batch;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.Applicability;
import com.baselineguard.rules.support.PrivateEndpointRule;
import com.baselineguard.rules.support.PrivateEndpoints;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.TreeSet;

/** BATCH-004: the account has at least one Approved private endpoint connection. */
public final class BatchPrivateEndpoint extends PrivateEndpointRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BATCH-004", "Batch.PrivateEndpoint")
            .resourceType(ResourceType.BATCH_ACCOUNT)
            .severity(Severity.MEDIUM)
            .controls("NS-2")
            .synopsis("Azure Batch accounts should have at least one Approved private endpoint connection.")
            .recommendation("Create a private endpoint with group id batchAccount (plus nodeManagement for simplified"
                    + " communication) in the account's subscription and link its DNS zone.")
            .fixClass(FixClass.NONE)
            .build();

    public BatchPrivateEndpoint() {
        super(METADATA, "account", "properties.privateEndpointConnections", Applicability.always());
    }

    /**
     * Names the sub-resources the approved connections serve: batchAccount for clients, nodeManagement for
     * pools (https://learn.microsoft.com/azure/batch/private-connectivity).
     */
    @Override
    protected String approvedReason(List<JsonObject> approved, List<JsonObject> connections) {
        TreeSet<String> groups = new TreeSet<>();
        for (JsonObject connection : approved) {
            groups.addAll(PrivateEndpoints.groupIds(connection));
        }
        return approved.size() + " private endpoint connection(s) are Approved ("
                + (groups.isEmpty() ? "group ids not shown" : "group ids " + String.join(", ", groups)) + ")";
    }

    /** Names each state once, sorted. */
    @Override
    protected String noneApprovedReason(List<JsonObject> connections) {
        TreeSet<String> states = new TreeSet<>();
        connections.forEach(c -> states.add(status(c)));
        return "no private endpoint connection is Approved (" + connections.size() + " connection(s) in state "
                + String.join(", ", states) + ")";
    }
}
