package com.baselineguard.rules.redis;

import com.baselineguard.model.ResourceType;
import com.baselineguard.rules.FixClass;
import com.baselineguard.rules.FixStage;
import com.baselineguard.rules.RuleMetadata;
import com.baselineguard.rules.Severity;
import com.baselineguard.rules.support.PropertyCheck;
import com.baselineguard.rules.support.PropertyRule;
import com.baselineguard.rules.support.Values;

/** REDIS-007: clients must use TLS 1.2 or later. */
public final class RedisMinTls extends PropertyRule {

    private static final RuleMetadata METADATA = RuleMetadata.rule("REDIS-007", "Redis.MinTls")
            .resourceType(ResourceType.REDIS)
            .severity(Severity.MEDIUM)
            .controls("4.4")
            .synopsis("Azure Cache for Redis should require TLS 1.2 as the minimum TLS version.")
            .recommendation("Set minimumTlsVersion to 1.2; TLS 1.0 and 1.1 are deprecated and no longer supported by"
                    + " the service.")
            .fixClass(FixClass.SAFE)
            .build();

    private static final PropertyCheck CHECK = PropertyCheck.at("properties.minimumTlsVersion")
            .expect("\"1.2\"", v -> Values.textEquals(v, "1.2"))
            .whenAbsent(false, "legacy caches without the property accept TLS 1.0")
            .fixTo(Values.string("1.2"), FixStage.HARDENING);

    public RedisMinTls() {
        super(METADATA, CHECK);
    }
}
