package com.baselineguard.rules.support;

import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A rule that requires at least one Approved private endpoint connection (REDIS-002, REDISENT-004, BATCH-004):
 * not_evaluated when the snapshot does not show the connections, pass when one is Approved, fail otherwise.
 * The rules differ in the resource's noun, where its connections are shown, where the rule applies, and (BATCH-004)
 * how a pass and a failure with connections read.
 */
public abstract class PrivateEndpointRule extends AbstractRule {

    /** Where Redis and Redis Enterprise connections are shown: in the body, or listed as children. */
    protected static final String BODY_OR_CHILDREN =
            "properties.privateEndpointConnections or the privateEndpointConnections children";

    private final String noun;
    private final String shownIn;

    /**
     * @param noun what the resource is called in reasons, e.g. {@code cache}, {@code cluster}, {@code account}
     * @param shownIn where the connections would be, named when the snapshot does not show them
     */
    protected PrivateEndpointRule(RuleMetadata metadata, String noun, String shownIn, Applicability applicability) {
        super(metadata, applicability);
        this.noun = noun;
        this.shownIn = shownIn;
    }

    /** Private endpoint connections: from the body when it carries them, else listed beside the resource. */
    @Override
    public final Set<RelatedKind> relatedData() {
        return Set.of(RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS);
    }

    @Override
    protected final Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        Optional<List<JsonObject>> connections = PrivateEndpoints.connections(resource);
        if (connections.isEmpty()) {
            return Evaluation.notEvaluated("the snapshot does not show the " + noun + "'s private endpoint connections ("
                    + shownIn + ")");
        }
        List<JsonObject> approved = PrivateEndpoints.approved(resource).orElseThrow();
        if (!approved.isEmpty()) {
            return Evaluation.pass(approvedReason(approved, connections.get()));
        }
        if (connections.get().isEmpty()) {
            return Evaluation.fail("the " + noun + " has no private endpoint connections");
        }
        return Evaluation.fail(noneApprovedReason(connections.get()));
    }

    /** The reason of a pass, e.g. {@code 1 of 2 private endpoint connections is Approved}. */
    protected String approvedReason(List<JsonObject> approved, List<JsonObject> connections) {
        return approved.size() + " of " + connections.size() + " private endpoint connections "
                + (approved.size() == 1 ? "is" : "are") + " Approved";
    }

    /** The reason of a failure where connections exist but none is Approved; names their states in order. */
    protected String noneApprovedReason(List<JsonObject> connections) {
        List<String> states = connections.stream().map(PrivateEndpointRule::status).toList();
        return "none of the " + noun + "'s " + connections.size() + " private endpoint connections is Approved"
                + " (states: " + String.join(", ", states) + ")";
    }

    /** A connection's state, or {@code no status}. */
    protected static String status(JsonObject connection) {
        return PrivateEndpoints.status(connection);
    }
}
