package com.baselineguard.rules.redis;

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
import java.util.Set;

/** REDIS-002: at least one private endpoint connection is Approved. */
public final class RedisPrivateEndpoint implements Rule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-002", "Redis.PrivateEndpoint")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.MEDIUM)
            .controls("1.1")
            .synopsis("Azure Cache for Redis should have at least one Approved private endpoint connection.")
            .recommendation("Create a private endpoint with group id redisCache in an approved subnet, approve the"
                    + " connection and link the privatelink.redis.cache.windows.net DNS zone.")
            .fixClass(FixClass.NONE)
            .build();

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
        // Private endpoints cannot be used with VNet-injected caches [D-R2]; REDIS-005 reports those.
        if (RedisFacts.vnetInjected(resource)) {
            return Evaluation.notApplicable("properties.subnetId is set: a VNet-injected cache cannot use private"
                    + " endpoints");
        }
        return PrivateEndpoints.requireApproved(resource, "cache");
    }
}
