package com.baselineguard.rules.support;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.rules.Evaluation;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

/** Private endpoint connections of a resource, from its body or loaded beside it. */
public final class PrivateEndpoints {

    private static final JsonPath STATUS = JsonPath.of("properties.privateLinkServiceConnectionState.status");
    private static final JsonPath GROUP_IDS = JsonPath.of("properties.groupIds");

    private PrivateEndpoints() {
    }

    /** The connections, or empty when the snapshot does not show them. */
    public static Optional<List<JsonObject>> connections(ResourceSnapshot resource) {
        return resource.related(RelatedKind.PRIVATE_ENDPOINT_CONNECTIONS);
    }

    /** The connections whose state is {@code Approved}, or empty when the snapshot does not show them. */
    public static Optional<List<JsonObject>> approved(ResourceSnapshot resource) {
        return connections(resource).map(list -> list.stream()
                .filter(c -> STATUS.read(c).map(v -> Values.textEquals(v, "Approved")).orElse(false))
                .toList());
    }

    /** True when the connection targets the given sub-resource (group id), e.g. {@code batchAccount}. */
    public static boolean hasGroup(JsonObject connection, String groupId) {
        return GROUP_IDS.readArray(connection)
                .map(groups -> groups.asList().stream().anyMatch(g -> Values.textEquals(g, groupId)))
                .orElse(false);
    }

    /**
     * The evaluation of "at least one private endpoint connection is Approved", shared by the rules
     * that require private connectivity.
     *
     * @param noun what the resource is called in reasons, e.g. {@code cache} or {@code cluster}
     */
    public static Evaluation requireApproved(ResourceSnapshot resource, String noun) {
        Optional<List<JsonObject>> connections = connections(resource);
        if (connections.isEmpty()) {
            return Evaluation.notEvaluated("the snapshot does not show the " + noun + "'s private endpoint connections"
                    + " (properties.privateEndpointConnections or the privateEndpointConnections children)");
        }
        int approved = approved(resource).orElseThrow().size();
        int total = connections.get().size();
        if (approved > 0) {
            return Evaluation.pass(approved + " of " + total + " private endpoint connections "
                    + (approved == 1 ? "is" : "are") + " Approved");
        }
        if (total == 0) {
            return Evaluation.fail("the " + noun + " has no private endpoint connections");
        }
        List<String> states = connections.get().stream()
                .map(c -> STATUS.readString(c).orElse("no status")).toList();
        return Evaluation.fail("none of the " + noun + "'s " + total + " private endpoint connections is Approved"
                + " (states: " + String.join(", ", states) + ")");
    }

    /**
     * Why turning public network access off would be unsafe, or empty when at least one approved
     * private endpoint connection exists.
     */
    public static Optional<String> blockerForDisablingPublicAccess(ResourceSnapshot resource) {
        Optional<List<JsonObject>> approved = approved(resource);
        if (approved.isEmpty()) {
            return Optional.of("the snapshot does not show private endpoint connections, so an approved private"
                    + " endpoint cannot be confirmed; turning public access off could cut every client off");
        }
        if (approved.get().isEmpty()) {
            return Optional.of("no private endpoint connection is Approved; turning public access off would cut"
                    + " every client off");
        }
        return Optional.empty();
    }
}
