package com.baselineguard.rules.redis;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.Applicability;
import com.baselineguard.rules.support.PrivateEndpointRule;

/** REDIS-002: at least one private endpoint connection is Approved. */
public final class RedisPrivateEndpoint extends PrivateEndpointRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-002", "Redis.PrivateEndpoint")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.MEDIUM)
            .controls("1.1")
            .synopsis("Azure Cache for Redis should have at least one Approved private endpoint connection.")
            .recommendation("Create a private endpoint with group id redisCache in an approved subnet, approve the"
                    + " connection and link the privatelink.redis.cache.windows.net DNS zone.")
            .fixClass(FixClass.NONE)
            .build();

    // Private endpoints cannot be used with VNet-injected caches
    // (https://learn.microsoft.com/azure/azure-cache-for-redis/cache-private-link); REDIS-005 reports those.
    private static final Applicability NOT_VNET_INJECTED = Applicability.unless(RedisFacts::vnetInjected,
            "properties.subnetId is set: a VNet-injected cache cannot use private endpoints");

    public RedisPrivateEndpoint() {
        super(METADATA, "cache", BODY_OR_CHILDREN, NOT_VNET_INJECTED);
    }
}
