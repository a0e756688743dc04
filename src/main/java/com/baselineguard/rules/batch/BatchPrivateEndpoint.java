package com.baselineguard.rules.batch;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PrivateEndpoints;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.Set;

/** BATCH-004: the account has at least one Approved private endpoint connection. */
public final class BatchPrivateEndpoint implements Rule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("BATCH-004", "Batch.PrivateEndpoint")
            .resourceType(ResourceType.BATCH_ACCOUNT)
            .severity(Severity.MEDIUM)
            .controls("NS-2")
            .synopsis("Azure Batch accounts should have at least one Approved private endpoint connection.")
            .recommendation("Create a private endpoint with group id batchAccount (plus nodeManagement for simplified"
                    + " communication) in the account's subscription and link its DNS zone.")
            .fixClass(FixClass.NONE)
            .build();

    private static final JsonPath STATUS = JsonPath.of("properties.privateLinkServiceConnectionState.status");
    private static final JsonPath GROUP_IDS = JsonPath.of("properties.groupIds");

    /** Private endpoint connections: from the body when it carries them, else listed beside the resource. */
    @Override
    public Set<RelatedKind> relatedData() {
        return Set.of(RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS);
    }

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Evaluation evaluate(ResourceSnapshot resource, RuleSettings settings) {
        Optional<List<JsonObject>> connections = PrivateEndpoints.connections(resource);
        if (connections.isEmpty()) {
            return Evaluation.notEvaluated("the snapshot does not show the account's private endpoint connections"
                    + " (properties.privateEndpointConnections)");
        }
        List<JsonObject> approved = PrivateEndpoints.approved(resource).orElseThrow();
        if (!approved.isEmpty()) {
            return Evaluation.pass(approved.size() + " private endpoint connection(s) are Approved (" + groups(approved)
                    + ")");
        }
        if (connections.get().isEmpty()) {
            return Evaluation.fail("the account has no private endpoint connections");
        }
        TreeSet<String> states = new TreeSet<>();
        connections.get().forEach(c -> states.add(STATUS.readString(c).orElse("no status")));
        return Evaluation.fail("no private endpoint connection is Approved (" + connections.get().size()
                + " connection(s) in state " + String.join(", ", states) + ")");
    }

    /** The sub-resources the connections serve: batchAccount for clients, nodeManagement for pools [D-B4]. */
    private static String groups(List<JsonObject> connections) {
        TreeSet<String> groups = new TreeSet<>();
        for (JsonObject connection : connections) {
            GROUP_IDS.readArray(connection).map(JsonArray::asList).orElse(List.of()).stream()
                    .filter(JsonElement::isJsonPrimitive).forEach(g -> groups.add(g.getAsString()));
        }
        return groups.isEmpty() ? "group ids not shown" : "group ids " + String.join(", ", groups);
    }
}
