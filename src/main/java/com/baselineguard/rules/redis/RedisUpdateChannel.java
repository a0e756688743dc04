package com.baselineguard.rules.redis;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;

/** REDIS-015: updates arrive on the Stable channel. */
public final class RedisUpdateChannel extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-015", "Redis.UpdateChannel")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.LOW)
            .controls("7.3")
            .synopsis("Azure Cache for Redis should receive updates on the Stable update channel rather than Preview.")
            .recommendation("Set updateChannel to Stable on production caches; keep Preview only on non-production"
                    + " caches used to validate updates early (exempt them with the tag).")
            .fixClass(FixClass.SAFE)
            .build();

    // Absent passes: Stable is the default in the 2024-11-01 spec
    // (specification/redis/resource-manager/Microsoft.Cache/Redis/stable/2024-11-01/redis.json).
    private static final PropertyCheck CHECK = PropertyCheck.at("properties.updateChannel")
            .expect("Stable", v -> Values.textEquals(v, "Stable"))
            .whenAbsent(true, "absent means Stable, the default")
            .fixTo(Values.string("Stable"), FixStage.HARDENING);

    public RedisUpdateChannel() {
        super(METADATA, CHECK);
    }
}
