package com.baselineguard.rules.redis;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;
import java.util.Optional;

/** REDIS-008: Microsoft Entra authentication is on for the data plane. */
public final class RedisEntraId extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-008", "Redis.EntraId")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.MEDIUM)
            .controls("3.2", "3.9")
            .synopsis("Azure Cache for Redis should enable Microsoft Entra ID authentication for data-plane access.")
            .recommendation("Set redisConfiguration aad-enabled to true in a maintenance window and give every client"
                    + " identity a Redis data access policy assignment.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition("redisVersion is 6 or later (or latest)")
            .build();

    // A string like every redisConfiguration value; PSRule for Azure's Azure.Redis.EntraID tests 'True'
    // (https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.Redis.EntraID/), so compare case-insensitively.
    private static final PropertyCheck CHECK = PropertyCheck.at(RedisFacts.configurationPath(RedisFacts.AAD_ENABLED))
            .expect("\"true\"", Values::isTrue)
            .whenAbsent(false, "Entra authentication is off unless enabled")
            .fixTo(Values.string("true"), FixStage.ENTRA_AUTHENTICATION);

    public RedisEntraId() {
        super(METADATA, CHECK);
    }

    // Entra authentication is not supported on Redis 4
    // (https://learn.microsoft.com/azure/azure-cache-for-redis/cache-azure-active-directory-for-authentication);
    // REDIS-014 upgrades the version first.
    @Override
    protected Optional<String> blocker(ResourceSnapshot resource, RuleSettings settings) {
        if (RedisFacts.versionSixOrLater(resource)) {
            return Optional.empty();
        }
        return Optional.of("properties.redisVersion is " + RedisFacts.versionText(resource)
                + "; Microsoft Entra authentication needs Redis 6 or later (REDIS-014)");
    }
}
