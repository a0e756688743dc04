package com.baselineguard.rules.redis;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;

/**
 * REDIS-010: client authentication is not turned off. Detect only: the 2024-11-01 REST spec
 * (specification/redis/resource-manager/Microsoft.Cache/Redis/stable/2024-11-01/redis.json) does not say which value
 * turns it back on.
 */
public final class RedisAuthNotRequired extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-010", "Redis.AuthNotRequired")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.HIGH)
            .controls("3.2", "7.1")
            .synopsis("Azure Cache for Redis must not turn off client authentication through the authnotrequired"
                    + " configuration setting.")
            .recommendation("Re-enable client authentication (clear authnotrequired) after moving every client that"
                    + " connects without credentials to Entra ID or access keys.")
            .fixClass(FixClass.NONE)
            .build();

    private static final PropertyCheck CHECK = PropertyCheck.at(RedisFacts.configurationPath("authnotrequired"))
            .expect("neither \"true\" nor \"yes\"", v -> !Values.textEquals(v, "true") && !Values.textEquals(v, "yes"))
            .whenAbsent(true, "clients must authenticate");

    public RedisAuthNotRequired() {
        super(METADATA, CHECK);
    }
}
