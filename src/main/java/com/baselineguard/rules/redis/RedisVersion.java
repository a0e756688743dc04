package com.baselineguard.rules.redis;

import com.baselineguard.model.ResourceSnapshot;
import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.Evaluation;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.Rule;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.RuleSettings;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.Values;
import java.util.List;

/** REDIS-014: Redis 6 or later (PSRule Azure.Redis.Version [PS2]). */
public final class RedisVersion implements Rule {

    private static final RuleMetadata METADATA = new RuleMetadata("REDIS-014", "Redis.Version",
            ResourceType.REDIS, Severity.LOW, List.of("7.1", "7.3"),
            "Azure Cache for Redis should run Redis version 6 or later.",
            "Upgrade the cache to Redis 6 (redisVersion 6) after testing clients; the upgrade is one-way and causes a"
                    + " brief connectivity interruption.",
            FixClass.DISRUPTIVE, "");

    // The exclusive VERSION stage keeps it apart from publicNetworkAccess, which ARM rejects in one request [I2].
    private static final PropertyCheck CHECK = PropertyCheck.at("properties.redisVersion")
            .expect("major version 6 or later, or \"latest\"", RedisFacts::versionSixOrLater)
            .whenAbsent(false, "no version is reported, so version 6 cannot be shown")
            .fixTo(Values.string("6"), FixStage.VERSION);

    @Override
    public RuleMetadata metadata() {
        return METADATA;
    }

    @Override
    public Evaluation evaluate(ResourceSnapshot resource, RuleSettings settings) {
        return CHECK.evaluate(resource);
    }
}
