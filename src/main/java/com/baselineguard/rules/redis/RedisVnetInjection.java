package com.baselineguard.rules.redis;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.AbstractRule;

/**
 * REDIS-005 (informational): VNet injection is the legacy network model. The direction is the opposite of
 * the deprecated Azure Policy 7d092e0a-7acd-40d2-a975-dca21cae48c4: current guidance is Private Link
 * (https://learn.microsoft.com/azure/azure-cache-for-redis/cache-private-link).
 */
public final class RedisVnetInjection extends AbstractRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-005", "Redis.VnetInjection")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.INFORMATIONAL)
            .controls("1.1")
            .synopsis("Azure Cache for Redis deployed with VNet injection uses a legacy, create-only network model;"
                    + " Microsoft now recommends Private Link instead.")
            .recommendation("Plan to move VNet-injected caches to a new cache that uses a private endpoint; VNet"
                    + " injection cannot be changed on an existing cache.")
            .fixClass(FixClass.NONE)
            .build();

    public RedisVnetInjection() {
        super(METADATA);
    }

    @Override
    protected Evaluation check(ResourceSnapshot resource, RuleSettings settings) {
        if (!RedisFacts.vnetInjected(resource)) {
            return Evaluation.pass("properties.subnetId is not set (the cache is not VNet-injected; Private Link is"
                    + " the recommended model)");
        }
        return Evaluation.fail("properties.subnetId is set: the cache uses VNet injection, a legacy create-only"
                + " network model; migrate to a new cache with Private Link");
    }
}
