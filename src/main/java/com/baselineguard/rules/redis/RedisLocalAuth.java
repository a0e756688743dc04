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

/** REDIS-009: access key authentication is off. */
public final class RedisLocalAuth extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-009", "Redis.LocalAuth")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.HIGH)
            .controls("3.2")
            .synopsis("Azure Cache for Redis should disable access key authentication so that clients must"
                    + " authenticate with Microsoft Entra ID.")
            .recommendation("After enabling Entra ID, assigning data access policies and moving all apps off keys, set"
                    + " disableAccessKeyAuthentication to true in a maintenance window.")
            .fixClass(FixClass.DISRUPTIVE)
            .precondition("Microsoft Entra authentication is enabled (aad-enabled true, REDIS-008)")
            .build();

    // Absent fails: the default is false in the 2024-11-01 spec
    // (specification/redis/resource-manager/Microsoft.Cache/Redis/stable/2024-11-01/redis.json). Azure Policy
    // 3827af20-8f80-4b15-8300-6db0873ec901 only matches equals "false".
    private static final PropertyCheck CHECK = PropertyCheck.at("properties.disableAccessKeyAuthentication")
            .expect("true", Values::isTrue)
            .whenAbsent(false, "absent means false, so access keys work; policy 3827af20 would not flag absent")
            .fixTo(Values.bool(true), FixStage.LOCAL_AUTHENTICATION);

    public RedisLocalAuth() {
        super(METADATA, CHECK);
    }

    // Without Entra authentication, turning keys off leaves no way to authenticate
    // (https://azure.github.io/PSRule.Rules.Azure/en/rules/Azure.Redis.LocalAuth/).
    @Override
    protected Optional<String> blocker(ResourceSnapshot resource, RuleSettings settings) {
        if (RedisFacts.configurationTrue(resource, RedisFacts.AAD_ENABLED)) {
            return Optional.empty();
        }
        return Optional.of(RedisFacts.configurationPath(RedisFacts.AAD_ENABLED) + " is not \"true\"; turning access"
                + " keys off before Microsoft Entra authentication is on would lock every client out (REDIS-008)");
    }
}
