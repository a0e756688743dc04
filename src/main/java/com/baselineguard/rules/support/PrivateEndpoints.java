package com.baselineguard.rules.support;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.RelatedKind;
import com.baselineguard.model.ResourceSnapshot;
import com.google.gson.JsonElement;
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

    /** A connection's state ({@code properties.privateLinkServiceConnectionState.status}), or {@code no status}. */
    public static String status(JsonObject connection) {
        return STATUS.readString(connection).orElse("no status");
    }

    /** The sub-resources (group ids) the connection targets; none when it shows none. */
    public static List<String> groupIds(JsonObject connection) {
        return GROUP_IDS.readArray(connection).map(groups -> groups.asList().stream()
                .filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString).toList()).orElse(List.of());
    }

    /** True when the connection targets the given sub-resource (group id), e.g. {@code batchAccount}. */
    public static boolean hasGroup(JsonObject connection, String groupId) {
        return GROUP_IDS.readArray(connection)
                .map(groups -> groups.asList().stream().anyMatch(g -> Values.textEquals(g, groupId)))
                .orElse(false);
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
