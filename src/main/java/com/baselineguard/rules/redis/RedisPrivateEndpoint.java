package com.baselineguard.rules.redis;

import com.baselineguard.model.JsonPath;
import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PrivateEndpoints;
import com.google.gson.JsonObject;
import java.util.List;
import java.util.Optional;

/** REDIS-002: at least one private endpoint connection is Approved. */
public final class RedisPrivateEndpoint implements Rule {

    private static final RuleMetadata METADATA = new RuleMetadata("REDIS-002", "Redis.PrivateEndpoint",
            ResourceType.REDIS, Severity.MEDIUM, List.of("1.1"),
            "Azure Cache for Redis should have at least one Approved private endpoint connection.",
            "Create a private endpoint with group id redisCache in an approved subnet, approve the connection and link"
                    + " the privatelink.redis.cache.windows.net DNS zone.",
            FixClass.NONE, "");

    private static final JsonPath STATUS = JsonPath.of("properties.privateLinkServiceConnectionState.status");

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Evaluation evaluate(ResourceSnapshot resource, RuleSettings settings) {
        // Private endpoints cannot be used with VNet-injected caches [D-R2]; REDIS-005 reports those.
        if (RedisFacts.vnetInjected(resource)) {
            return Evaluation.notApplicable("properties.subnetId is set: a VNet-injected cache cannot use private"
                    + " endpoints");
        }
        Optional<List<JsonObject>> connections = PrivateEndpoints.connections(resource);
        if (connections.isEmpty()) {
            return Evaluation.notEvaluated("the snapshot does not show the cache's private endpoint connections"
                    + " (properties.privateEndpointConnections or the privateEndpointConnections children)");
        }
        int approved = PrivateEndpoints.approved(resource).orElseThrow().size();
        int total = connections.get().size();
        if (approved > 0) {
            return Evaluation.pass(approved + " of " + total + " private endpoint connections "
                    + (approved == 1 ? "is" : "are") + " Approved");
        }
        if (total == 0) {
            return Evaluation.fail("the cache has no private endpoint connections");
        }
        List<String> states = connections.get().stream()
                .map(c -> STATUS.readString(c).orElse("no status")).toList();
        return Evaluation.fail("none of the cache's " + total + " private endpoint connections is Approved (states: "
                + String.join(", ", states) + ")");
    }
}
